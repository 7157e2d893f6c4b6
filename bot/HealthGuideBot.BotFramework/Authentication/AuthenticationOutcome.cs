namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>How a request fared against authentication or authorisation.</summary>
public enum AuthenticationStatus
{
    Authenticated,

    /// <summary>401: no, malformed, forged, expired or misdirected token. Nothing reaches a handler.</summary>
    Unauthorized,

    /// <summary>403: a valid token, but the caller may not do this (endorsement, caller, tenant, channel, host).</summary>
    Forbidden,

    /// <summary>503: keys could not be had and none are cached; the channel should retry. Never fail open.</summary>
    Unavailable,
}

/// <summary>
/// The result of authenticating a request. <see cref="Reason"/> is a short fixed code for logs
/// (for example <c>audience-mismatch</c>); it never contains the token or its claims.
/// </summary>
public sealed record AuthenticationOutcome(AuthenticationStatus Status, BotCaller? Caller, string Reason)
{
    public static AuthenticationOutcome Success(BotCaller caller) => new(AuthenticationStatus.Authenticated, caller, "ok");

    public static AuthenticationOutcome Unauthorized(string reason) => new(AuthenticationStatus.Unauthorized, null, reason);

    public static AuthenticationOutcome Forbidden(string reason) => new(AuthenticationStatus.Forbidden, null, reason);

    public static AuthenticationOutcome Unavailable(string reason) => new(AuthenticationStatus.Unavailable, null, reason);
}
