import LeadModel
import Testing

@Suite("CivilCalendar")
struct CivilCalendarTests {
    @Test(arguments: [
        (0, 1970, 1, 1), (-1, 1969, 12, 31), (11_016, 2000, 2, 29), (17_621, 2018, 3, 31),
        (-719_162, 1, 1, 1), (2_932_896, 9999, 12, 31),
    ])
    func daysAndDatesConvertBothWays(days: Int, year: Int, month: Int, day: Int) {
        #expect(CivilCalendar.daysSince1970(year: year, month: month, day: day) == days)
        let date = CivilCalendar.date(daysSince1970: days)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    @Test func monthLengthsFollowTheGregorianLeapRule() {
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 4, year: 2023) == 30)
        #expect(CivilCalendar.daysIn(month: 12, year: 2023) == 31)
    }
}
