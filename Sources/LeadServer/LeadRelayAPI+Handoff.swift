import Foundation
internal import HTTPTypes
internal import LeadPipeline
internal import StoreContract
internal import SyncAPI

extension LeadRelayAPI {
    /// `GET /v1/admin/routing-rules`: the routing rules in force (404 before the first version).
    func getRoutingRules(_ input: Operations.GetRoutingRules.Input) async throws -> Operations.GetRoutingRules.Output {
        guard let stored = try domain({ try backend.currentRoutingRules() }) else {
            throw APIProblem.notFound(
                "No routing rules have been stored yet; the router matches each rep's territory against the lead's country."
            )
        }
        return .ok(.init(body: .json(.init(stored))))
    }

    /// `PUT /v1/admin/routing-rules`: validates the rules document and stores it as the next
    /// version (422 naming the place when it does not parse), as `leadrelay-server routing set`.
    func setRoutingRules(_ input: Operations.SetRoutingRules.Input) async throws -> Operations.SetRoutingRules.Output {
        guard case .json(let body) = input.body else { throw APIProblem.unsupportedBody }
        let catalog = backend.routingRules
        let stored: StoredRoutingRules
        do {
            stored = try domain {
                try catalog.set(
                    document: body.document, source: "document", createdBy: Self.adminActor, note: body.note, at: now())
            }
        } catch let error as RoutingRulesError {
            throw APIProblem.validationFailed(error.description)
        }
        return .ok(.init(body: .json(.init(stored))))
    }

    /// `POST /v1/admin/route`: runs the router once with the stored rules, as `leadrelay-server route`.
    func routeLeads(_ input: Operations.RouteLeads.Input) async throws -> Operations.RouteLeads.Output {
        let summary = try handoff { try backend.router(now: now).route() }
        return .ok(.init(body: .json(.init(summary))))
    }

    /// `POST /v1/admin/sla/run`: escalates now every lead `assigned` past the SLA (`hours`, default
    /// the server's), as `leadrelay-server sla run`.
    func runFollowUpSLA(_ input: Operations.RunFollowUpSLA.Input) async throws -> Operations.RunFollowUpSLA.Output {
        let hours = try Self.hours(input.query.hours, field: "hours") ?? slaHours
        let instant = now()
        let summary = try handoff { try backend.escalation(slaHours: hours).run(now: instant) }
        return .ok(.init(body: .json(.init(summary))))
    }

    /// `POST /v1/admin/recycle/run`: recycled leads whose cool-down ended back to nurturing, as
    /// `leadrelay-server recycle run`.
    func runRecycling(_ input: Operations.RunRecycling.Input) async throws -> Operations.RunRecycling.Output {
        let instant = now()
        let summary = try handoff { try backend.recycling.run(now: instant) }
        return .ok(.init(body: .json(.init(summary))))
    }

    /// `GET /v1/admin/reports/quality`: the lead-quality report, as `leadrelay-server report quality --json`.
    func getQualityReport(_ input: Operations.GetQualityReport.Input) async throws
        -> Operations.GetQualityReport.Output
    {
        let since = try Self.since(input.query.since)
        let hours = try Self.hours(input.query.slaHours, field: "slaHours") ?? slaHours
        let report = try handoff { try backend.reports(now: now).quality(since: since, slaHours: hours) }
        return .ok(.init(body: .json(.init(report))))
    }

    /// The reports' `since` query value: a date (`2026-03-01`, midnight UTC) or an ISO 8601
    /// instant, as the CLI's `--since`; `nil` when absent.
    /// - Throws: ``APIProblem`` 400 `malformed_request` naming `since` for anything else.
    static func since(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = ISODateText.parse(text) else {
            throw APIProblem(
                status: .badRequest, code: .malformedRequest,
                detail: "since: '\(text)' is not a date (2026-03-01) or an ISO 8601 instant (2026-03-01T09:30:00Z).")
        }
        return date
    }

    /// Who the store records as the author of a change made through the admin API.
    static let adminActor = "admin-api"

    /// The largest SLA the API takes, in hours: a year.
    static let maximumSLAHours: Double = SLAEscalation.maximumHours

    /// An SLA in hours from a query parameter, or `nil` when absent.
    /// - Throws: ``APIProblem`` 400 `invalid_request` naming `field` when it is under a minute or
    ///   over ``maximumSLAHours``.
    static func hours(_ value: Double?, field: String) throws -> Double? {
        guard let value else { return nil }
        guard SLAEscalation.acceptsHours(value) else {
            throw APIProblem.invalidRequest("\(field): \(SLAEscalation.hoursRule), not \(value).")
        }
        return value
    }

    /// Runs a hand-off service call through ``domain(_:)``, answering stored routing rules that no
    /// longer parse with 409 (store a valid version to go on).
    func handoff<T>(_ body: () throws -> T) throws -> T {
        do {
            return try domain(body)
        } catch let error as RoutingRulesCatalog.StoredRulesError {
            throw APIProblem(
                status: .conflict, code: .conflict,
                detail: "\(error.description); store a valid version with PUT /v1/admin/routing-rules.")
        }
    }
}
