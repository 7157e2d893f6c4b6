namespace HealthGuideBot.Testing;

/// <summary>
/// The shared keys (generated once per test run). <see cref="OpenIdMetadataServer"/> publishes
/// <see cref="BotFrameworkTeams"/> and <see cref="BotFrameworkWebChatOnly"/> as the Bot Framework JWKS,
/// <see cref="Entra"/> as the Entra JWKS, and <see cref="Attacker"/> at its attacker path; the others are for
/// rotation and forgery tests.
/// </summary>
public static class TestSigningKeys
{
    private static readonly Lazy<TestSigningKey> LazyBotFrameworkTeams = new(() => TestSigningKey.Create("bf-teams-1", ["msteams"]));
    private static readonly Lazy<TestSigningKey> LazyBotFrameworkWebChatOnly = new(() => TestSigningKey.Create("bf-webchat-1", ["webchat"]));
    private static readonly Lazy<TestSigningKey> LazyBotFrameworkRotated = new(() => TestSigningKey.Create("bf-teams-2", ["msteams"]));
    private static readonly Lazy<TestSigningKey> LazyEntra = new(
        () => TestSigningKey.Create("entra-1", issuer: "https://login.microsoftonline.com/{tenantid}/v2.0"));
    private static readonly Lazy<TestSigningKey> LazyAttacker = new(() => TestSigningKey.Create("attacker-1", ["msteams"]));

    /// <summary>A Bot Framework channel key endorsed for <c>msteams</c>.</summary>
    public static TestSigningKey BotFrameworkTeams => LazyBotFrameworkTeams.Value;

    /// <summary>A Bot Framework channel key endorsed for <c>webchat</c> only.</summary>
    public static TestSigningKey BotFrameworkWebChatOnly => LazyBotFrameworkWebChatOnly.Value;

    /// <summary>A key that is not published until a test "rotates" it in.</summary>
    public static TestSigningKey BotFrameworkRotated => LazyBotFrameworkRotated.Value;

    /// <summary>An Entra key, with Entra's templated <c>issuer</c>.</summary>
    public static TestSigningKey Entra => LazyEntra.Value;

    /// <summary>A key in no trusted JWKS.</summary>
    public static TestSigningKey Attacker => LazyAttacker.Value;
}
