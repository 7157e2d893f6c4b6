using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (dynamic port) that plays login.botframework.com and the Entra metadata
/// endpoints: OpenID metadata and JWKS (with <c>endorsements</c>) for both token families, plus an "attacker" JWKS
/// that nothing should ever fetch. It counts requests per path, can go down (500) and can rotate keys.
/// </summary>
/// <example>
/// <code>
/// await using var server = await OpenIdMetadataServer.StartAsync(cancellationToken);
/// services.Configure&lt;BotFrameworkOptions&gt;(server.Configure);        // point the bot at it
/// server.IsDown = true;                                               // metadata outage
/// server.SetBotFrameworkKeys(TestSigningKeys.BotFrameworkTeams, TestSigningKeys.BotFrameworkRotated); // rollover
/// Assert.Equal(1, server.RequestCount(OpenIdMetadataServer.BotFrameworkKeysPath));
/// </code>
/// </example>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    public const string BotFrameworkMetadataPath = "/v1/.well-known/openidconfiguration";
    public const string BotFrameworkKeysPath = "/v1/.well-known/keys";
    public const string EntraMetadataPath = "/entra/v2.0/.well-known/openid-configuration";
    public const string EntraKeysPath = "/entra/discovery/v2.0/keys";
    public const string AttackerKeysPath = "/attacker/keys";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> requestCounts = new(StringComparer.Ordinal);
    private volatile TestSigningKey[] botFrameworkKeys = [TestSigningKeys.BotFrameworkTeams, TestSigningKeys.BotFrameworkWebChatOnly];
    private volatile TestSigningKey[] entraKeys = [TestSigningKeys.Entra];
    private volatile bool isDown;

    private OpenIdMetadataServer(WebApplication app)
    {
        this.app = app;
    }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:51234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!; // Set by StartAsync before the instance is returned.

    public Uri BotFrameworkMetadataUrl => new(BaseAddress, BotFrameworkMetadataPath);

    public Uri EntraMetadataUrl => new(BaseAddress, EntraMetadataPath);

    /// <summary>A JWKS holding <see cref="TestSigningKeys.Attacker"/>: for <c>jku</c>/<c>x5u</c> headers that must be ignored.</summary>
    public Uri AttackerKeysUrl => new(BaseAddress, AttackerKeysPath);

    /// <summary>When true, every metadata and JWKS request gets 500.</summary>
    public bool IsDown
    {
        get => isDown;
        set => isDown = value;
    }

    public static async Task<OpenIdMetadataServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenIdMetadataServer(app);
        server.Map();
        await app.StartAsync(cancellationToken);
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Publishes these keys as the Bot Framework JWKS (a rotation when the set changes).</summary>
    public void SetBotFrameworkKeys(params TestSigningKey[] keys) => botFrameworkKeys = keys;

    /// <summary>Publishes these keys as the Entra JWKS.</summary>
    public void SetEntraKeys(params TestSigningKey[] keys) => entraKeys = keys;

    /// <summary>How many requests reached <paramref name="path"/> (including those answered 500).</summary>
    public int RequestCount(string path) => requestCounts.GetValueOrDefault(path);

    /// <summary>Points the bot's metadata URLs at this server.</summary>
    public void Configure(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BotFrameworkOpenIdMetadataUrl = BotFrameworkMetadataUrl;
        options.EntraOpenIdMetadataUrl = EntraMetadataUrl;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Map()
    {
        app.Use(async (context, next) =>
        {
            requestCounts.AddOrUpdate(context.Request.Path.Value ?? string.Empty, 1, static (_, count) => count + 1);
            if (isDown)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await next(context);
        });

        app.MapGet(BotFrameworkMetadataPath, () => Json(Metadata("https://api.botframework.com", BotFrameworkKeysPath)));
        app.MapGet(BotFrameworkKeysPath, () => Json(KeySet(botFrameworkKeys)));
        app.MapGet(EntraMetadataPath, () => Json(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", EntraKeysPath)));
        app.MapGet(EntraKeysPath, () => Json(KeySet(entraKeys)));
        app.MapGet(AttackerKeysPath, () => Json(KeySet([TestSigningKeys.Attacker])));
    }

    private JsonObject Metadata(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(BaseAddress, keysPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private static JsonObject KeySet(IEnumerable<TestSigningKey> keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(static key => key.ToJwk())]) };

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
