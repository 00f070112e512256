import CommandLineSupport
import Foundation
import LeadModel
import LeadScoring

/// A lead's current score as `leads show` prints it: total, fit, engagement, grade, qualified,
/// model version, and the top contributions (the explanation a rep sees).
struct LeadScoreText {
    let score: LeadScore?

    /// How many contributions are listed.
    static let listedContributions = 8

    var rendered: String {
        guard let score else { return "score: (not scored yet; see `leadrelay-server score`)" }
        var lines = [
            "score: \(points(score.total)) points (fit \(points(score.fit)), engagement \(points(score.engagement))), "
                + "grade \(score.grade.rawValue), \(score.qualified ? "qualified" : "not qualified"), "
                + "model version \(score.modelVersion), scored \(score.scoredAt.ISO8601Format())"
        ]
        if score.contributions.isEmpty {
            lines.append("  (no rule gave points)")
        } else {
            lines.append("top contributions:")
            var table = TextTable("POINTS", "KIND", "RULE", "WHY")
            for contribution in score.contributions.prefix(Self.listedContributions) {
                let sign = contribution.points > 0 ? "+" : ""
                table.append([
                    sign + points(contribution.points), contribution.kind.rawValue, contribution.ruleID,
                    contribution.label,
                ])
            }
            lines.append(table.rendered())
            if score.contributions.count > Self.listedContributions {
                lines.append("  … and \(score.contributions.count - Self.listedContributions) more (--json lists all)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func points(_ value: Double) -> String {
        RuleValue.number((value * 10).rounded() / 10).description
    }
}
