public import LeadModel

/// Who made the current request, as the auth middleware established it from the bearer token.
public enum Principal: Hashable, Sendable {
    /// The holder of the admin token.
    case admin
    /// A rep's device, through one of that rep's device tokens.
    case rep(RepID)

    /// The principal of the request being handled, set by ``AuthMiddleware`` around the handler;
    /// `nil` outside a request or on the public operations (`/health`, `/ready`).
    @TaskLocal public static var current: Principal?
}
