import Foundation
import LeadPipeline
import LeadScoring
import Testing

@Suite("scoring-model loader")
struct ScoringModelLoaderTests {
    static let validYAML = """
        version: 1
        name: tiny
        fitRules:
          - {id: india, label: Works in India, field: country, equals: India, points: 20}
        engagementRules:
          - {id: webinar, label: Attended a webinar, eventType: webinar, points: 10, cap: 30, halfLifeDays: 7}
        gradeBands: {a: 20, b: 10, c: 5}
        qualification: {threshold: 25}

        """

    @Test(arguments: ["x-education.json", "olist.json"])
    func shippedModelsLoad(name: String) throws {
        let model = try ScoringModelLoader.load(
            path: Fixtures.packageRoot.appendingPathComponent("models/\(name)").path)
        #expect(!model.fitRules.isEmpty)
    }

    @Test func yamlAndJSONGiveTheSameModel() throws {
        let yaml = try ScoringModelLoader.parse(Self.validYAML, path: "tiny.yaml")
        let json = String(decoding: try JSONEncoder().encode(yaml), as: UTF8.self)
        #expect(try ScoringModelLoader.parse(json, path: "tiny.json") == yaml)
    }

    @Test(
        "bad models name the key and its line",
        arguments: [
            ("points: 20}", "pionts: 20}", "tiny.yaml:4: fitRules[0].pionts: unknown key 'pionts'"),
            ("points: 20}", "points: ten}", "tiny.yaml:4: fitRules[0].points:"),
            ("halfLifeDays: 7}", "halfLifeDays: -7}", "tiny.yaml:6: engagementRules[0].halfLifeDays: half-life"),
            ("threshold: 25}", "threshold: 500}", "tiny.yaml:8: qualification.threshold: no lead can reach"),
            ("field: country", "field: planet", "tiny.yaml:4: fitRules[0].field: unknown field 'planet'"),
        ])
    func badModelsNameTheKeyAndLine(change: (String, String, String)) throws {
        let text = Self.validYAML.replacingOccurrences(of: change.0, with: change.1)
        let error = #expect(throws: ScoringModelLoadError.self) {
            try ScoringModelLoader.parse(text, path: "tiny.yaml")
        }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(change.2), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func aJSONModelWithAWrongTypeNamesTheKey() throws {
        let json =
            #"{"version": 1, "name": "x", "gradeBands": {"a": 3, "b": 2, "c": "one"}, "qualification": {"threshold": 1}}"#
        let error = #expect(throws: ScoringModelLoadError.self) { try ScoringModelLoader.parse(json, path: "m.json") }
        #expect(error?.keyPath == "gradeBands.c")
        #expect(error?.description.hasPrefix("m.json:1: gradeBands.c:") == true)
    }

    @Test func missingFileAndBrokenSyntaxAreOneLine() {
        let missing = #expect(throws: ScoringModelLoadError.self) {
            try ScoringModelLoader.load(path: "/nonexistent/m.yaml")
        }
        #expect(missing?.description == "/nonexistent/m.yaml: model file not found")
        let broken = #expect(throws: ScoringModelLoadError.self) {
            try ScoringModelLoader.parse("name: [unclosed\nversion: 1\n", path: "b.yaml")
        }
        #expect(broken?.description.hasPrefix("b.yaml") == true)
        #expect(broken?.description.contains("\n") == false)
    }
}
