using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.Testing;

/// <summary>
/// An RSA key pair generated in-process, with the <c>kid</c>, Bot Framework <c>endorsements</c> and Entra
/// <c>issuer</c> it is published with. Only the parameters are kept; an <see cref="RSA"/> is made per use.
/// </summary>
public sealed class TestSigningKey
{
    private readonly RSAParameters privateParameters;

    private TestSigningKey(string keyId, RSAParameters privateParameters, IReadOnlyList<string> endorsements, string? issuer)
    {
        KeyId = keyId;
        this.privateParameters = privateParameters;
        Endorsements = endorsements;
        Issuer = issuer;
    }

    public string KeyId { get; }

    /// <summary>The channels the key is endorsed for, as the Bot Framework JWKS publishes them.</summary>
    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The JWKS <c>issuer</c> member (Entra keys), or null.</summary>
    public string? Issuer { get; }

    /// <summary>Generates a 2048-bit key.</summary>
    public static TestSigningKey Create(string keyId, IEnumerable<string>? endorsements = null, string? issuer = null)
    {
        using var rsa = RSA.Create(2048);
        return new TestSigningKey(keyId, rsa.ExportParameters(includePrivateParameters: true), [.. endorsements ?? []], issuer);
    }

    /// <summary>The same key pair published under another <c>kid</c>, endorsements or issuer.</summary>
    public TestSigningKey With(string? keyId = null, IEnumerable<string>? endorsements = null, string? issuer = null) =>
        new(keyId ?? KeyId, privateParameters, endorsements is null ? Endorsements : [.. endorsements], issuer ?? Issuer);

    /// <summary>Signs <paramref name="data"/> with RSA PKCS#1 v1.5 or PSS.</summary>
    public byte[] Sign(byte[] data, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = RSA.Create(privateParameters);
        return rsa.SignData(data, hash, padding);
    }

    /// <summary>The public key as SubjectPublicKeyInfo PEM: the "secret" of the HS256 key-confusion attack.</summary>
    public string ExportPublicKeyPem()
    {
        using var rsa = RSA.Create(privateParameters);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>The public JWK, as a JWKS document lists it.</summary>
    public JsonObject ToJwk()
    {
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(privateParameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(privateParameters.Exponent),
        };
        if (Endorsements.Count > 0)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(static e => JsonValue.Create(e))]);
        }

        if (Issuer is not null)
        {
            jwk["issuer"] = Issuer;
        }

        return jwk;
    }
}
