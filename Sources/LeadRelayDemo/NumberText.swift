import Foundation

/// Whole numbers as the demo prints them: thousands separated by commas (`9,240`).
enum NumberText {
    /// `value` with a comma every three digits.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }
}
