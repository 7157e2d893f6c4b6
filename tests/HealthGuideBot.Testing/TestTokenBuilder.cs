using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.Testing;

/// <summary>
/// Builds valid and forged JWTs by hand (header, payload and signature are all under the test's control), for the
/// inbound authentication tests of security.md §5 A.
/// </summary>
/// <example>
/// <code>
/// var header = TestTokenBuilder.BotFramework(time).BuildAuthorizationHeader();                  // valid
/// var expired = TestTokenBuilder.BotFramework(time).ExpiresAt(time.GetUtcNow().AddMinutes(-6)).Build();
/// var forged = TestTokenBuilder.BotFramework(time).SignedWith(TestSigningKeys.Attacker).Build();
/// var none = TestTokenBuilder.BotFramework(time).WithoutSignature().Build();
/// </code>
/// </example>
public sealed class TestTokenBuilder
{
    /// <summary>The Bot Framework channel issuer (public cloud).</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly JsonObject header = new() { ["alg"] = "RS256", ["typ"] = "JWT" };
    private readonly JsonObject payload = new();
    private TestSigningKey? signingKey;
    private Func<byte[], string>? customSigner;

    private TestTokenBuilder(TestSigningKey key)
    {
        SignedWith(key);
    }

    /// <summary>
    /// A valid Bot Framework channel token: <c>iss</c> <c>https://api.botframework.com</c>, <c>aud</c> the bot,
    /// a <c>serviceurl</c>, valid from a minute ago for an hour, signed by <see cref="TestSigningKeys.BotFrameworkTeams"/>.
    /// </summary>
    public static TestTokenBuilder BotFramework(
        TimeProvider time,
        string appId = TestIdentities.BotAppId,
        string serviceUrl = TestIdentities.ServiceUrl,
        TestSigningKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new TestTokenBuilder(key ?? TestSigningKeys.BotFrameworkTeams)
            .WithIssuer(BotFrameworkIssuer)
            .WithAudience(appId)
            .WithClaim("serviceurl", serviceUrl)
            .ValidFor(time.GetUtcNow(), TimeSpan.FromHours(1));
    }

    /// <summary>
    /// A valid Entra v2 app token: <c>iss</c> <c>https://login.microsoftonline.com/{tid}/v2.0</c>, <c>aud</c> the bot,
    /// <c>azp</c> the caller, <c>tid</c>, <c>ver</c> 2.0, signed by <see cref="TestSigningKeys.Entra"/>.
    /// </summary>
    public static TestTokenBuilder EntraV2(
        TimeProvider time,
        string callerAppId = TestIdentities.BotAppId,
        string tenantId = TestIdentities.SchoolTenantId,
        string appId = TestIdentities.BotAppId,
        string entraInstance = "https://login.microsoftonline.com",
        TestSigningKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new TestTokenBuilder(key ?? TestSigningKeys.Entra)
            .WithIssuer($"{entraInstance}/{tenantId}/v2.0")
            .WithAudience(appId)
            .WithClaim("azp", callerAppId)
            .WithClaim("azpacr", "1")
            .WithClaim("tid", tenantId)
            .WithClaim("oid", "11111111-2222-3333-4444-555555555555")
            .WithClaim("sub", "11111111-2222-3333-4444-555555555555")
            .WithClaim("ver", "2.0")
            .ValidFor(time.GetUtcNow(), TimeSpan.FromHours(1));
    }

    /// <summary>A valid Entra v1 app token: <c>iss</c> <c>https://sts.windows.net/{tid}/</c>, <c>appid</c>, <c>ver</c> 1.0.</summary>
    public static TestTokenBuilder EntraV1(
        TimeProvider time,
        string callerAppId = TestIdentities.BotAppId,
        string tenantId = TestIdentities.SchoolTenantId,
        string appId = TestIdentities.BotAppId,
        TestSigningKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new TestTokenBuilder(key ?? TestSigningKeys.Entra)
            .WithIssuer($"https://sts.windows.net/{tenantId}/")
            .WithAudience(appId)
            .WithClaim("appid", callerAppId)
            .WithClaim("appidacr", "1")
            .WithClaim("tid", tenantId)
            .WithClaim("oid", "11111111-2222-3333-4444-555555555555")
            .WithClaim("ver", "1.0")
            .ValidFor(time.GetUtcNow(), TimeSpan.FromHours(1));
    }

    public TestTokenBuilder WithIssuer(string issuer) => WithClaim("iss", issuer);

    public TestTokenBuilder WithAudience(string audience) => WithClaim("aud", audience);

    /// <summary>An <c>aud</c> array.</summary>
    public TestTokenBuilder WithAudiences(params string[] audiences) =>
        WithClaim("aud", new JsonArray([.. audiences.Select(static a => JsonValue.Create(a))]));

    /// <summary>Sets a payload claim (a string, number, array or object).</summary>
    public TestTokenBuilder WithClaim(string name, JsonNode? value)
    {
        payload[name] = value;
        return this;
    }

    public TestTokenBuilder WithoutClaim(string name)
    {
        payload.Remove(name);
        return this;
    }

    /// <summary>Sets <c>nbf</c> and <c>iat</c> to a minute before <paramref name="now"/> and <c>exp</c> to now + <paramref name="lifetime"/>.</summary>
    public TestTokenBuilder ValidFor(DateTimeOffset now, TimeSpan lifetime)
    {
        NotBefore(now.AddMinutes(-1));
        WithClaim("iat", now.AddMinutes(-1).ToUnixTimeSeconds());
        return ExpiresAt(now + lifetime);
    }

    public TestTokenBuilder ExpiresAt(DateTimeOffset expires) => WithClaim("exp", expires.ToUnixTimeSeconds());

    public TestTokenBuilder NotBefore(DateTimeOffset notBefore) => WithClaim("nbf", notBefore.ToUnixTimeSeconds());

    /// <summary>Sets a header member, e.g. <c>jku</c>, <c>x5u</c> or <c>jwk</c>.</summary>
    public TestTokenBuilder WithHeader(string name, JsonNode? value)
    {
        header[name] = value;
        return this;
    }

    public TestTokenBuilder WithoutHeader(string name)
    {
        header.Remove(name);
        return this;
    }

    /// <summary>Names a key id in the header without changing the signing key.</summary>
    public TestTokenBuilder WithKeyId(string keyId) => WithHeader("kid", keyId);

    /// <summary>Signs with <paramref name="key"/> (RSA PKCS#1 v1.5) and names its <c>kid</c>.</summary>
    public TestTokenBuilder SignedWith(TestSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        signingKey = key;
        customSigner = null;
        header["kid"] = key.KeyId;
        return this;
    }

    /// <summary>
    /// Sets <c>alg</c> and signs to match: RS256/384/512 (PKCS#1 v1.5) or PS256/384/512 (PSS) with the current key.
    /// </summary>
    public TestTokenBuilder WithAlgorithm(string algorithm)
    {
        header["alg"] = algorithm;
        return this;
    }

    /// <summary><c>alg: none</c> and an empty signature.</summary>
    public TestTokenBuilder WithoutSignature()
    {
        header["alg"] = "none";
        customSigner = static _ => string.Empty;
        return this;
    }

    /// <summary>The key-confusion forgery: <c>alg: HS256</c>, HMAC keyed with the RSA public key's PEM.</summary>
    public TestTokenBuilder SignedWithHmacUsingPublicKey(TestSigningKey publicKeyOwner)
    {
        ArgumentNullException.ThrowIfNull(publicKeyOwner);
        header["alg"] = "HS256";
        header["kid"] = publicKeyOwner.KeyId;
        var secret = Encoding.ASCII.GetBytes(publicKeyOwner.ExportPublicKeyPem());
        customSigner = data => Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, data));
        return this;
    }

    /// <summary><c>alg: ES256</c>, signed with a fresh P-256 key.</summary>
    public TestTokenBuilder SignedWithEcdsa()
    {
        header["alg"] = "ES256";
        customSigner = static data =>
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            return Base64UrlEncoder.Encode(ecdsa.SignData(data, HashAlgorithmName.SHA256));
        };
        return this;
    }

    /// <summary>The compact JWT.</summary>
    public string Build()
    {
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = customSigner is not null ? customSigner(data) : SignWithRsa(data);
        return $"{signingInput}.{signature}";
    }

    /// <summary><c>Bearer</c> and the compact JWT, as the <c>Authorization</c> header carries it.</summary>
    public string BuildAuthorizationHeader() => $"Bearer {Build()}";

    private string SignWithRsa(byte[] data)
    {
        var key = signingKey ?? throw new InvalidOperationException("No signing key.");
        var algorithm = header["alg"]?.GetValue<string>() ?? "RS256";
        var (hash, padding) = algorithm switch
        {
            "RS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            "PS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pss),
            "PS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pss),
            _ => throw new InvalidOperationException($"Use WithoutSignature, SignedWithHmacUsingPublicKey or SignedWithEcdsa for '{algorithm}'."),
        };
        return Base64UrlEncoder.Encode(key.Sign(data, hash, padding));
    }

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(json.ToJsonString());
}
