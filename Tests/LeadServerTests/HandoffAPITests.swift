import CommandLineSupport
import Foundation
import HTTPTypes
import LeadModel
import LeadPipeline
import LeadRelayServerCLI
import LeadServer
import SQLiteStore
import StoreContract
import Synchronization
import Testing

/// Issue 6 over HTTP: the stored routing rules, route, the follow-up SLA, recycling and the
/// quality report, each on a small store with an injected clock, against what LeadPipeline and
/// the `leadrelay-server` verbs do.
@Suite struct HandoffAPITests {
    static let admin = TestServer.adminToken

    /// The leads of Ada's company to Rita, everyone else to Sam.
    static let rules = """
        territories:
          - name: ada-account
            match: {company: [Ada Ltd]}
            reps: [rita@example.com]
        default:
          reps: [sam@example.com]
        """

    /// A JSON string literal of `text`.
    static func jsonString(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// Adds a rep with a capacity.
    static func addRep(_ server: TestServer, _ name: String, capacity: Int = 50) throws -> Rep {
        let rep = Rep(name: name, email: EmailAddress("\(name.lowercased())@example.com"), capacity: capacity)
        try server.store.addRep(rep)
        return rep
    }

    @Test func routingRulesAreStoredAsVersionsAndRouteUsesThem() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let sam = try server.addRep("Sam")
        let ada = try server.addQualifiedLead("Ada", total: 60)
        let bea = try server.addQualifiedLead("Bea", total: 80)
        let cy = try server.addQualifiedLead("Cy", total: 70)
        let clock = ManualClock()
        let (before, first, second, current, route) = try await server.test(now: { clock.now }) { client in
            let before = try await client.send(.get, "/v1/admin/routing-rules", token: Self.admin)
            let first = try await client.send(
                .put, "/v1/admin/routing-rules", token: Self.admin,
                json: #"{"document": "territories: []\n", "note": "everyone"}"#)
            let second = try await client.send(
                .put, "/v1/admin/routing-rules", token: Self.admin,
                json: #"{"document": \#(Self.jsonString(Self.rules)), "note": "Ada's account to Rita"}"#)
            let current = try await client.send(.get, "/v1/admin/routing-rules", token: Self.admin)
            let route = try await client.send(.post, "/v1/admin/route", token: Self.admin)
            return (before, first, second, current, route)
        }
        #expect(before.status == 404)
        #expect(before.problemCode == "not_found")
        #expect(first.status == 200)
        #expect(first.json["version"] as? Int == 1)
        #expect(second.json["version"] as? Int == 2)
        #expect(current.status == 200)
        #expect(current.json["version"] as? Int == 2)
        #expect(current.json["document"] as? String == Self.rules)
        #expect(current.json["note"] as? String == "Ada's account to Rita")
        #expect(current.json["createdBy"] as? String == "admin-api")
        #expect(current.json["createdAt"] as? String == "2026-01-01T00:00:00Z")

        #expect(route.status == 200, "\(route.text)")
        #expect(route.json["routed"] as? Int == 3)
        #expect(route.json["overflow"] as? Int == 0)
        #expect(route.json["perRep"] as? [String: Int] == ["rita@example.com": 1, "sam@example.com": 2])
        #expect(try server.store.owner(of: ada) == rita.id)
        #expect(try server.store.owner(of: bea) == sam.id)
        #expect(try server.store.owner(of: cy) == sam.id)
        let history = try server.store.stageHistory(leadID: ada)
        #expect(history.last?.trigger == .route)
        #expect(history.last?.at == ManualClock.t0)
        #expect(try server.store.routingRulesVersions().map(\.version) == [1, 2])
    }

    @Test func routeAnswersWhatTheCommandPrints() async throws {
        let server = try TestServer()
        _ = try Self.addRep(server, "Rita", capacity: 1)
        _ = try server.addQualifiedLead("Ada")
        _ = try server.addQualifiedLead("Bea")
        let route = try await server.test { try await $0.send(.post, "/v1/admin/route", token: Self.admin) }
        #expect(route.status == 200)
        #expect(route.json["routed"] as? Int == 1)
        #expect(route.json["overflow"] as? Int == 1)
        #expect(route.json["unavailableRepEmails"] as? [String] == [])
        // A second run through the command finds the same store state: nothing new to route.
        let again = await Self.command("route", "--json", "--db", server.configuration.databasePath)
        #expect(again.status == 0)
        let cli = try #require(try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [String: Any])
        #expect(Set(cli.keys) == Set(route.json.keys))
        #expect(cli["routed"] as? Int == 0)
        #expect(cli["overflow"] as? Int == 1)
    }

    @Test func badRoutingRulesAreRefusedNamingThePlaceAndTheVersionInForceStays() async throws {
        let server = try TestServer()
        _ = try server.store.saveRoutingRules(document: Self.rules, createdBy: "test", note: nil, at: ManualClock.t0)
        let (bad, malformed, missing, notJSON) = try await server.test { client in
            (
                try await client.send(
                    .put, "/v1/admin/routing-rules", token: Self.admin,
                    json: #"{"document": "territories: [{name: x, match: {country: [BR]}, reps: [nobody]}]"}"#),
                try await client.send(
                    .put, "/v1/admin/routing-rules", token: Self.admin, json: #"{"document": "territories: ["}"#),
                try await client.send(.put, "/v1/admin/routing-rules", token: Self.admin, json: #"{"note": "x"}"#),
                try await client.send(
                    .put, "/v1/admin/routing-rules", token: Self.admin, json: "territories: []",
                    contentType: "text/yaml")
            )
        }
        #expect(bad.status == 422)
        #expect(bad.problemCode == "validation_failed")
        #expect(bad.json["detail"] as? String == "document: territories[0]: 'nobody' is not a valid rep email")
        #expect(malformed.status == 422)
        #expect((malformed.json["detail"] as? String)?.hasPrefix("document: not a routing rules document") == true)
        #expect(missing.status == 400)
        #expect(missing.problemCode == "malformed_request")
        #expect((missing.json["detail"] as? String)?.contains("document") == true)
        #expect(notJSON.status == 415)
        #expect(notJSON.problemCode == "unsupported_media_type")
        #expect(try server.store.currentRoutingRules()?.version == 1)
    }

    @Test func slaRunEscalatesPastTheDeadlineAndNotBeforeWithTheStoredRules() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        _ = try server.addRep("Sam")
        let tom = try server.addRep("Tom")
        try server.store.saveRoutingRules(
            document: "default:\n  reps: [tom@example.com]\n", createdBy: "test", note: nil, at: ManualClock.t0)
        let lead = try server.addQualifiedLead("Ada")
        try LeadAssignment(store: server.store, now: { ManualClock.t0 }).assign(lead, to: rita.id, actor: "test")
        let clock = ManualClock()
        let deadline = ManualClock.t0 + 24 * 3_600
        let (atDeadline, late, again) = try await server.test(now: { clock.now }) { client in
            clock.set(deadline)
            let atDeadline = try await client.send(.post, "/v1/admin/sla/run", token: Self.admin)
            clock.set(deadline + 1)
            let late = try await client.send(.post, "/v1/admin/sla/run", token: Self.admin)
            let again = try await client.send(.post, "/v1/admin/sla/run", token: Self.admin)
            return (atDeadline, late, again)
        }
        #expect(atDeadline.status == 200)
        #expect(atDeadline.json["checked"] as? Int == 1)
        #expect(atDeadline.json["breached"] as? Int == 0)
        #expect(atDeadline.json["breaches"] as? [Any] != nil)
        #expect((atDeadline.json["breaches"] as? [Any])?.isEmpty == true)

        #expect(late.status == 200)
        #expect(late.json["breached"] as? Int == 1)
        #expect(late.json["escalated"] as? Int == 1)
        #expect(late.json["unescalated"] as? Int == 0)
        let breach = try #require((late.json["breaches"] as? [[String: Any]])?.first)
        #expect(breach["leadID"] as? String == lead.description)
        #expect(breach["repID"] as? String == rita.id.description)
        #expect(breach["escalatedTo"] as? String == tom.id.description)
        #expect(breach["assignedAt"] as? String == "2026-01-01T00:00:00Z")
        #expect(breach["deadline"] as? String == "2026-01-02T00:00:00Z")
        #expect(breach["detectedAt"] as? String == "2026-01-02T00:00:01Z")
        #expect(try server.store.owner(of: lead) == tom.id)
        #expect(try server.store.stageHistory(leadID: lead).last?.actor == SLAEscalation.actor)
        // Tom's hand-off starts a new SLA: nothing is late a second later.
        #expect(again.json["breached"] as? Int == 0)
    }

    @Test func slaRunTakesItsHoursFromTheQuery() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        _ = try server.addRep("Sam")
        let lead = try server.addQualifiedLead("Ada")
        try LeadAssignment(store: server.store, now: { ManualClock.t0 }).assign(lead, to: rita.id, actor: "test")
        let clock = ManualClock(ManualClock.t0 + 2 * 3_600)
        let (oneHour, zero, tooLong, notANumber) = try await server.test(now: { clock.now }) { client in
            (
                try await client.send(.post, "/v1/admin/sla/run?hours=1", token: Self.admin),
                try await client.send(.post, "/v1/admin/sla/run?hours=0", token: Self.admin),
                try await client.send(.post, "/v1/admin/sla/run?hours=9000", token: Self.admin),
                try await client.send(.post, "/v1/admin/sla/run?hours=soon", token: Self.admin)
            )
        }
        #expect(oneHour.status == 200)
        #expect(oneHour.json["escalated"] as? Int == 1)
        for answer in [zero, tooLong, notANumber] {
            #expect(answer.status == 400, "\(answer.text)")
            #expect(answer.headers[.contentType] == "application/problem+json")
            #expect((answer.json["detail"] as? String)?.contains("hours") == true, "\(answer.text)")
        }
        #expect(zero.problemCode == "invalid_request")
        #expect(notANumber.problemCode == "malformed_request")
    }

    @Test func recycleRunMovesLeadsBackAfterTheirCoolDown() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let token = try server.token(for: rita)
        let lead = try server.addQualifiedLead("Ada")
        try LeadAssignment(store: server.store, now: { ManualClock.t0 }).assign(lead, to: rita.id, actor: "test")
        let clock = ManualClock()
        let coolDownEnd = ManualClock.t0 + 30 * 86_400  // no_budget: 30 days (ReasonCode.table)
        let (reject, cooling, done, again) = try await server.test(now: { clock.now }) { client in
            let reject = try await client.push(
                token: token, clientID: "rita-phone",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(lead)", "intent": {"kind": "reject", "reason": "no_budget"}}"#
                ])
            clock.set(coolDownEnd - 1)
            let cooling = try await client.send(.post, "/v1/admin/recycle/run", token: Self.admin)
            clock.set(coolDownEnd)
            let done = try await client.send(.post, "/v1/admin/recycle/run", token: Self.admin)
            let again = try await client.send(.post, "/v1/admin/recycle/run", token: Self.admin)
            return (reject, cooling, done, again)
        }
        #expect(reject.results.map(\.status) == ["applied"])
        #expect(cooling.status == 200)
        #expect(cooling.json["recycled"] as? Int == 1)
        #expect(cooling.json["stillCoolingDown"] as? Int == 1)
        #expect(cooling.json["returnedToNurturing"] as? Int == 0)
        #expect(cooling.json["returnedLeadIDs"] as? [String] == [])
        #expect(done.status == 200)
        #expect(done.json["returnedToNurturing"] as? Int == 1)
        #expect(done.json["returnedLeadIDs"] as? [String] == [lead.description])
        #expect(done.json["followUps"] as? [Any] != nil)
        #expect(try server.store.lead(id: lead)?.stage == .nurturing)
        #expect(try server.store.stageHistory(leadID: lead).last?.trigger == .coolDownEnded)
        #expect(again.json["recycled"] as? Int == 0)
    }

    @Test func qualityReportEqualsTheCommandsJSON() async throws {
        let server = try TestServer()
        let rita = try Self.addRep(server, "Rita", capacity: 1)
        let sam = try Self.addRep(server, "Sam", capacity: 1)
        let ritaToken = try server.token(for: rita)
        let samToken = try server.token(for: sam)
        for name in ["Ada", "Bea", "Cy"] { _ = try server.addQualifiedLead(name) }
        let now = Date()
        let (route, report, since, future) = try await server.test(now: { now }) { client in
            let route = try await client.send(.post, "/v1/admin/route", token: Self.admin)
            let ritaLead = try #require(try await client.pull(token: ritaToken).upsertIDs.first)
            let samLead = try #require(try await client.pull(token: samToken).upsertIDs.first)
            _ = try await client.push(
                token: ritaToken, clientID: "rita-phone",
                mutations: [#"{"mutationID": 1, "leadID": "\#(ritaLead)", "intent": {"kind": "accept"}}"#])
            _ = try await client.push(
                token: samToken, clientID: "sam-phone",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(samLead)", "intent": {"kind": "reject", "reason": "no_budget"}}"#
                ])
            let report = try await client.send(.get, "/v1/admin/reports/quality", token: Self.admin)
            let since = try await client.send(.get, "/v1/admin/reports/quality?since=2000-01-01", token: Self.admin)
            let future = try await client.send(
                .get, "/v1/admin/reports/quality?since=2100-01-01T00:00:00Z", token: Self.admin)
            return (route, report, since, future)
        }
        #expect(route.json["overflow"] as? Int == 1)
        #expect(report.status == 200, "\(report.text)")
        let overall = try #require(report.json["overall"] as? [String: Any])
        #expect(overall["handed"] as? Int == 2)
        #expect(overall["accepted"] as? Int == 1)
        #expect(overall["rejected"] as? Int == 1)
        #expect(overall["acceptanceRate"] as? Double == 0.5)
        #expect(report.json["overflow"] as? Int == 1)
        #expect(report.json["slaHours"] as? Double == 24)
        let reasons = try #require(report.json["rejectionReasons"] as? [[String: Any]])
        #expect(reasons.compactMap { $0["reason"] as? String } == ["no_budget"])
        #expect(reasons.compactMap { $0["count"] as? Int } == [1])
        #expect(
            (report.json["reps"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == [
                "rita@example.com", "sam@example.com",
            ])

        let cli = await Self.command("report", "quality", "--json", "--db", server.configuration.databasePath)
        #expect(cli.status == 0, "\(cli.errorOutput)")
        var printed = try #require(try JSONSerialization.jsonObject(with: Data(cli.output.utf8)) as? [String: Any])
        var answered = report.json
        printed["generatedAt"] = nil
        answered["generatedAt"] = nil
        #expect(try Self.canonical(answered) == Self.canonical(printed))

        #expect(since.json["since"] as? String == "2000-01-01T00:00:00Z")
        #expect((since.json["overall"] as? [String: Any])?["handed"] as? Int == 2)
        #expect((future.json["overall"] as? [String: Any])?["handed"] as? Int == 0)
        #expect(future.json["overflow"] as? Int == 1)
    }

    @Test func funnelReportEqualsTheCommandsJSON() async throws {
        let server = try TestServer()
        let rita = try Self.addRep(server, "Rita", capacity: 1)
        let ritaToken = try server.token(for: rita)
        for name in ["Ada", "Bea"] { _ = try server.addQualifiedLead(name) }
        let now = Date()
        let (report, future, bad) = try await server.test(now: { now }) { client in
            _ = try await client.send(.post, "/v1/admin/route", token: Self.admin)
            let ritaLead = try #require(try await client.pull(token: ritaToken).upsertIDs.first)
            _ = try await client.push(
                token: ritaToken, clientID: "rita-phone",
                mutations: [
                    #"{"mutationID": 1, "leadID": "\#(ritaLead)", "intent": {"kind": "accept"}}"#,
                    #"{"mutationID": 2, "leadID": "\#(ritaLead)", "intent": {"kind": "convert"}}"#,
                ])
            return (
                try await client.send(.get, "/v1/admin/reports/funnel", token: Self.admin),
                try await client.send(.get, "/v1/admin/reports/funnel?since=2100-01-01", token: Self.admin),
                try await client.send(.get, "/v1/admin/reports/funnel?since=last-week", token: Self.admin)
            )
        }
        #expect(report.status == 200, "\(report.text)")
        #expect(report.json["leads"] as? Int == 2)
        let conversion = try #require(report.json["conversion"] as? [String: Any])
        #expect(conversion["mql"] as? Int == 2)
        #expect(conversion["handed"] as? Int == 1)
        #expect(conversion["accepted"] as? Int == 1)
        #expect(conversion["converted"] as? Int == 1)
        #expect(conversion["mqlToConverted"] as? Double == 0.5)
        #expect(report.json["overflow"] as? Int == 1)
        let stages = try #require(report.json["stages"] as? [[String: Any]])
        #expect(stages.first { $0["stage"] as? String == "converted" }?["count"] as? Int == 1)
        #expect(stages.first { $0["stage"] as? String == "mql" }?["count"] as? Int == 1)

        let cli = await Self.command("report", "funnel", "--json", "--db", server.configuration.databasePath)
        #expect(cli.status == 0, "\(cli.errorOutput)")
        var printed = try #require(try JSONSerialization.jsonObject(with: Data(cli.output.utf8)) as? [String: Any])
        var answered = report.json
        printed["generatedAt"] = nil
        answered["generatedAt"] = nil
        #expect(try Self.canonical(answered) == Self.canonical(printed))

        #expect(future.json["leads"] as? Int == 0)
        #expect(bad.status == 400)
        #expect(bad.problemCode == "malformed_request")
        #expect((bad.json["detail"] as? String)?.hasPrefix("since: ") == true)
    }

    @Test func qualityReportRefusesABadSinceOrSLANamingTheParameter() async throws {
        let server = try TestServer()
        let (impossible, garbage, zero) = try await server.test { client in
            (
                try await client.send(.get, "/v1/admin/reports/quality?since=2026-02-30", token: Self.admin),
                try await client.send(.get, "/v1/admin/reports/quality?since=yesterday", token: Self.admin),
                try await client.send(.get, "/v1/admin/reports/quality?slaHours=0", token: Self.admin)
            )
        }
        for answer in [impossible, garbage] {
            #expect(answer.status == 400)
            #expect(answer.problemCode == "malformed_request")
            #expect((answer.json["detail"] as? String)?.hasPrefix("since: ") == true)
        }
        #expect(zero.status == 400)
        #expect(zero.problemCode == "invalid_request")
        #expect((zero.json["detail"] as? String)?.hasPrefix("slaHours: ") == true)
    }

    @Test func deactivatingARepTakesEverythingAndRefusesTheirTokenLikeTheCommand() async throws {
        let server = try TestServer()
        let rita = try server.addRep("Rita")
        let sam = try server.addRep("Sam")
        let ritaToken = try server.token(for: rita)
        let lead = try server.addQualifiedLead("Ada")
        let accepted = try server.addQualifiedLead("Bea")
        try server.assign(lead, to: rita)
        try server.assign(accepted, to: rita)
        try server.store.transition(
            .init(leadID: accepted, to: .accepted, trigger: .accept, actor: "rep:test", at: Date()))
        let (answer, pull) = try await server.test { client in
            let answer = try await client.send(.post, "/v1/admin/reps/\(rita.id)/deactivate", token: Self.admin)
            let pull = try await client.send(
                .post, "/v1/sync/pull", token: ritaToken, json: #"{"protocolVersion": 1}"#)
            return (answer, pull)
        }
        #expect(answer.status == 200)
        #expect(answer.json["isActive"] as? Bool == false)
        #expect(try server.store.owner(of: lead) == sam.id)
        #expect(try server.store.owner(of: accepted) == sam.id)
        #expect(try server.store.lead(id: accepted)?.stage == .accepted)
        #expect(pull.status == 403)
        #expect(pull.problemCode == "rep_deactivated")
    }

    /// A JSON object as text with sorted keys, to compare two documents value for value.
    static func canonical(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Runs the real `leadrelay-server` command code in process, capturing what it prints.
    static func command(_ arguments: String...) async -> (status: Int32, output: String, errorOutput: String) {
        let out = Mutex("")
        let err = Mutex("")
        let console = Console(
            writeOut: { text in out.withLock { $0 += text } }, writeError: { text in err.withLock { $0 += text } })
        let status = await Console.$current.withValue(console) {
            await LeadRelayServerCommand.execute(arguments: arguments)
        }
        return (status, out.withLock { $0 }, err.withLock { $0 })
    }
}

extension HandoffAPITests {
    /// Issue 21 item 5: the admin API holds the roster and SLA bounds the commands hold.
    @Test func adminParametersHaveTheCommandsBounds() async throws {
        let server = try TestServer()
        let longName = String(repeating: "n", count: 201)
        let (named, big, short) = try await server.test { client in
            (
                try await client.send(
                    .post, "/v1/admin/reps", token: Self.admin,
                    json: #"{"name": "\#(longName)", "email": "n@example.com"}"#),
                try await client.send(
                    .post, "/v1/admin/reps", token: Self.admin,
                    json: #"{"name": "Big", "email": "big@example.com", "capacity": 100001}"#),
                try await client.send(.post, "/v1/admin/sla/run?hours=0.001", token: Self.admin)
            )
        }
        #expect(named.status == 422)
        #expect((named.json["detail"] as? String)?.hasPrefix("name: longer than 200 characters") == true)
        #expect(big.status == 422)
        #expect((big.json["detail"] as? String)?.hasPrefix("capacity: must be 0 to 100000") == true)
        #expect(short.status == 400)
        #expect((short.json["detail"] as? String)?.contains("at least a minute") == true)
        #expect(try server.store.reps().isEmpty)
    }
}
