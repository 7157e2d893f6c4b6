namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>Which family of token authenticated the caller.</summary>
public enum BotCallerKind
{
    /// <summary>A token issued by <c>https://api.botframework.com</c> (Teams today).</summary>
    BotFrameworkChannel,

    /// <summary>A token issued by Microsoft Entra (the Bot Service's move to Entra tokens).</summary>
    Entra,

    /// <summary>
    /// No token at all: only in Development, with no app id, bound to loopback
    /// (<c>DangerouslyAllowUnauthenticatedLoopbackRequests</c>).
    /// </summary>
    UnauthenticatedDevelopment,

    /// <summary>
    /// The bot itself, outside an inbound turn: a proactive turn started from a stored conversation reference.
    /// No token was presented because no request came in.
    /// </summary>
    Proactive,
}

/// <summary>The authenticated caller of <c>/api/messages</c>, as read from a validated token.</summary>
/// <param name="Kind">The token family.</param>
/// <param name="AppId">The caller's app id (<c>appid</c> or <c>azp</c>) where the token has one.</param>
/// <param name="ServiceUrlClaim">The <c>serviceurl</c> claim, present on Bot Framework tokens.</param>
/// <param name="Endorsements">The endorsements of the key that signed the token (Bot Framework keys carry them).</param>
/// <param name="TenantId">The <c>tid</c> claim of an Entra token.</param>
public sealed record BotCaller(
    BotCallerKind Kind,
    string? AppId,
    string? ServiceUrlClaim,
    IReadOnlyCollection<string> Endorsements,
    string? TenantId)
{
    /// <summary>The identity given to every request when unauthenticated development mode is on.</summary>
    public static BotCaller UnauthenticatedDevelopment { get; } =
        new(BotCallerKind.UnauthenticatedDevelopment, null, null, [], null);

    /// <summary>The identity of a proactive turn: the bot acting on its own, outside an inbound request.</summary>
    public static BotCaller Proactive { get; } =
        new(BotCallerKind.Proactive, null, null, [], null);
}
