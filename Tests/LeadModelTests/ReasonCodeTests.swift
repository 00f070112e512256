import LeadModel
import Testing

@Suite("Reason codes (SPEC §3.2)")
struct ReasonCodeTests {
    @Test func tableListsEveryCodeOnceInSpecOrder() {
        #expect(
            ReasonCode.table.map(\.code.rawValue) == [
                "no_budget", "no_authority", "no_need", "bad_timing", "no_response", "bad_contact_data", "not_icp",
                "competitor", "student_or_job_seeker", "existing_customer", "duplicate", "spam", "other",
            ])
        #expect(Set(ReasonCode.table.map(\.code)) == Set(ReasonCode.allCases))
    }

    @Test(
        "recyclable codes recycle",
        arguments: [ReasonCode.noBudget, .noAuthority, .noNeed, .badTiming, .noResponse, .badContactData, .other])
    func recyclable(_ code: ReasonCode) {
        #expect(code.entry.disposition.targetStage == .recycled)
        #expect(code.entry.disposition.trigger == .rejectRecyclable)
    }

    @Test(
        "terminal codes disqualify",
        arguments: [ReasonCode.notICP, .competitor, .studentOrJobSeeker, .existingCustomer, .duplicate, .spam])
    func terminal(_ code: ReasonCode) {
        #expect(code.entry.disposition == .disqualify)
        #expect(code.entry.disposition.targetStage == .disqualified)
    }

    @Test func noNeedHasTheLongestCoolDown() {
        let coolDowns = ReasonCode.table.compactMap { entry -> (ReasonCode, Int)? in
            if case .recycle(let days) = entry.disposition { return (entry.code, days) }
            return nil
        }
        let longest = coolDowns.max { $0.1 < $1.1 }
        #expect(longest?.0 == .noNeed)
        #expect(longest?.1 == 180)
    }

    @Test func flagsSitOnTheRightCodes() {
        #expect(ReasonCode.table.filter(\.requiresNote).map(\.code) == [.other])
        #expect(ReasonCode.table.filter(\.acceptsReentryDate).map(\.code) == [.badTiming])
        #expect(ReasonCode.table.filter(\.acceptsContactCorrections).map(\.code) == [.badContactData])
        #expect(ReasonCode.table.filter(\.routesToAccountOwner).map(\.code) == [.existingCustomer])
        #expect(ReasonCode.table.filter(\.mergesIntoOriginal).map(\.code) == [.duplicate])
        #expect(ReasonCode.table.filter(\.excludedFromReports).map(\.code) == [.spam])
    }

    @Test func everyRejectTargetIsReachableFromAssignedAndAccepted() throws {
        for entry in ReasonCode.table {
            for stage in [LifecycleStage.assigned, .accepted] {
                try StageTransitionTable.check(
                    from: stage, to: entry.disposition.targetStage, trigger: entry.disposition.trigger)
            }
        }
    }
}
