import LeadScoring
import Testing

@Suite struct StratifiedKFoldTests {
    @Test func splitMix64MatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        var again = SplitMix64(seed: 0)
        var other = SplitMix64(seed: 0)
        #expect((0..<5).map { _ in again.next() } == (0..<5).map { _ in other.next() })
    }

    @Test func boundedDrawsStayInRange() {
        var generator = SplitMix64(seed: 7)
        let draws = (0..<1000).map { _ in generator.next(below: 6) }
        #expect(draws.allSatisfy { (0..<6).contains($0) })
        #expect(Set(draws).count == 6)
    }

    @Test func foldsKeepThePositiveRate() throws {
        let labels = (0..<100).map { $0 % 10 < 3 }  // 30 % positive
        let folds = try StratifiedKFold(folds: 5, seed: 1).split(labels: labels)
        #expect(folds.count == 5)
        for fold in folds {
            #expect(fold.count == 20)
            #expect(fold.filter { labels[$0] }.count == 6)
        }
        #expect(folds.flatMap { $0 }.sorted() == Array(0..<100))
    }

    @Test func unevenClassesDifferByAtMostOnePerFold() throws {
        let labels = (0..<103).map { $0 % 7 == 0 }  // 15 positives
        let folds = try StratifiedKFold(folds: 4, seed: 3).split(labels: labels)
        let positives = folds.map { $0.filter { labels[$0] }.count }
        #expect(positives.max()! - positives.min()! <= 1)
        #expect(positives.reduce(0, +) == 15)
        #expect(folds.map(\.count).max()! - folds.map(\.count).min()! <= 1)
    }

    @Test func aSeedGivesTheSameFoldsAndAnotherSeedOthers() throws {
        let labels = (0..<60).map { $0 % 3 == 0 }
        let first = try StratifiedKFold(folds: 5, seed: 42).split(labels: labels)
        let second = try StratifiedKFold(folds: 5, seed: 42).split(labels: labels)
        let other = try StratifiedKFold(folds: 5, seed: 43).split(labels: labels)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func impossibleSplitsAreRefused() {
        #expect(throws: StratifiedKFold.SplitError.tooFewFolds(1)) {
            try StratifiedKFold(folds: 1).split(labels: [true, false])
        }
        #expect(throws: StratifiedKFold.SplitError.classTooSmall(positives: 2, negatives: 8, folds: 3)) {
            try StratifiedKFold(folds: 3).split(labels: [true, true] + Array(repeating: false, count: 8))
        }
    }
}
