internal import Foundation
package import LeadModel

extension Components.Schemas.LifecycleStage {
    /// The wire form of a lifecycle stage (same names).
    package init(_ stage: LifecycleStage) {
        self = Self(rawValue: stage.rawValue)!
    }
}

extension LifecycleStage {
    /// The domain form of a wire lifecycle stage (same names).
    package init(_ wire: Components.Schemas.LifecycleStage) {
        self = Self(rawValue: wire.rawValue)!
    }
}

extension Components.Schemas.Grade {
    /// The wire form of a grade (same letters).
    package init(_ grade: Grade) {
        self = Self(rawValue: grade.rawValue)!
    }
}

extension Grade {
    /// The domain form of a wire grade (same letters).
    package init(_ wire: Components.Schemas.Grade) {
        self = Self(rawValue: wire.rawValue)!
    }
}

extension Components.Schemas.ScoreContribution {
    /// The wire form of one score contribution (rule id, label, points, kind).
    package init(_ contribution: ScoreContribution) {
        self.init(
            ruleID: contribution.ruleID, label: contribution.label, points: contribution.points,
            kind: contribution.kind == .fit ? .fit : .engagement)
    }
}

extension ScoreContribution {
    /// The domain form of a wire score contribution.
    package init(_ wire: Components.Schemas.ScoreContribution) {
        self.init(
            ruleID: wire.ruleID, label: wire.label, points: wire.points, kind: wire.kind == .fit ? .fit : .engagement)
    }
}

extension Components.Schemas.Rep {
    /// The wire form of a rep.
    package init(_ rep: Rep) {
        self.init(
            id: rep.id.description, name: rep.name, email: rep.email.address, territory: rep.territory,
            capacity: rep.capacity, isActive: rep.isActive)
    }
}
