using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Signing keys per OpenID metadata document (metadata, then its <c>jwks_uri</c>), with the Bot Framework
/// <c>endorsements</c> of each key kept (security.md §1.1 "Key caching and rollover", tests A20 and A21).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Keys are refreshed when older than <see cref="RefreshInterval"/> (24 h, as the JS and Python SDKs do).</item>
/// <item>An unknown <c>kid</c> triggers one refresh, at most once per <see cref="UnknownKeyRefreshInterval"/> per
/// document, so a flood of forged <c>kid</c>s cannot turn the bot into a load generator against Microsoft.</item>
/// <item>Concurrent refreshes of one document coalesce into one fetch.</item>
/// <item>A failed fetch keeps the keys already held; with none at all the answer is
/// <see cref="SigningKeyLookupStatus.Unavailable"/> (503), never "no check". Failed attempts are retried at most once per
/// <see cref="FailedRefreshRetryInterval"/>.</item>
/// </list>
/// </remarks>
internal sealed partial class OpenIdKeyCache
{
    /// <summary>The named <see cref="HttpClient"/> used for metadata and JWKS documents.</summary>
    public const string HttpClientName = "HealthGuideBot.OpenIdMetadata";

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailedRefreshRetryInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Uri, Entry> entries = new();
    private readonly IHttpClientFactory httpClientFactory;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<OpenIdKeyCache> logger;

    public OpenIdKeyCache(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<OpenIdKeyCache> logger)
    {
        this.httpClientFactory = httpClientFactory;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Finds the key <paramref name="keyId"/> published by <paramref name="metadataUrl"/>.</summary>
    public async ValueTask<SigningKeyLookup> GetSigningKeyAsync(Uri metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        ArgumentException.ThrowIfNullOrEmpty(keyId);

        var entry = entries.GetOrAdd(metadataUrl, static url => new Entry(url));
        var generation = entry.Generation;
        var keys = entry.Keys;
        if (entry.NeedsScheduledRefresh(timeProvider.GetUtcNow()))
        {
            keys = await RefreshAsync(entry, generation, fetch: true, "scheduled", cancellationToken);
        }

        if (keys is null)
        {
            return SigningKeyLookup.Unavailable;
        }

        if (keys.TryGetValue(keyId, out var key))
        {
            return SigningKeyLookup.Found(key);
        }

        // Unknown kid: perhaps a rollover. One caller per interval may fetch; the others wait for a fetch already
        // under way, if any, and look again.
        generation = entry.Generation;
        var mayFetch = entry.TryClaimUnknownKeyRefresh(timeProvider.GetUtcNow());
        if (!mayFetch)
        {
            Log.UnknownKeyRefreshSuppressed(logger, metadataUrl);
        }

        keys = await RefreshAsync(entry, generation, mayFetch, "unknown-key", cancellationToken) ?? keys;
        return keys.TryGetValue(keyId, out key) ? SigningKeyLookup.Found(key) : SigningKeyLookup.NotFound;
    }

    private async Task<IReadOnlyDictionary<string, SigningKey>?> RefreshAsync(
        Entry entry, long generationSeen, bool fetch, string trigger, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Someone completed a fetch while we waited: theirs is ours (coalescing).
            if (!fetch || entry.Generation != generationSeen)
            {
                return entry.Keys;
            }

            try
            {
                // Not the caller's token: the fetch serves every request waiting on the gate, so one aborted request
                // must not cancel it. The named client's timeout bounds it.
                var keys = await FetchKeysAsync(entry.MetadataUrl, CancellationToken.None);
                entry.Succeeded(keys, timeProvider.GetUtcNow());
                Log.KeysRefreshed(logger, entry.MetadataUrl, keys.Count, trigger);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException
                                           or TaskCanceledException or CryptographicException or FormatException)
            {
                entry.Failed(timeProvider.GetUtcNow());
                Log.KeysRefreshFailed(logger, entry.MetadataUrl, ex.GetType().Name, entry.Keys is not null);
            }

            return entry.Keys;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<Dictionary<string, SigningKey>> FetchKeysAsync(Uri metadataUrl, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);

        Uri jwksUri;
        using (var metadata = await GetJsonAsync(client, metadataUrl, cancellationToken))
        {
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksElement)
                || jwksElement.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(jwksElement.GetString(), UriKind.Absolute, out var parsed))
            {
                throw new InvalidDataException("The OpenID metadata document has no absolute jwks_uri.");
            }

            jwksUri = parsed;
        }

        using var jwks = await GetJsonAsync(client, jwksUri, cancellationToken);
        var keys = ParseKeys(jwks.RootElement);
        return keys.Count > 0 ? keys : throw new InvalidDataException("The JWKS document has no usable RSA signing key.");
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        // Buffered read: the named client's MaxResponseContentBufferSize bounds the document.
        using var response = await client.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            return await JsonDocument.ParseAsync(stream, default, cancellationToken);
        }
    }

    /// <summary>Reads the RSA signature keys of a JWKS document, keeping <c>endorsements</c> and <c>issuer</c>.</summary>
    internal static Dictionary<string, SigningKey> ParseKeys(JsonElement jwks)
    {
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        if (!jwks.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return keys;
        }

        foreach (var jwk in array.EnumerateArray())
        {
            if (jwk.ValueKind != JsonValueKind.Object
                || ReadString(jwk, "kty") != "RSA"
                || ReadString(jwk, "use") is not (null or "sig")
                || ReadString(jwk, "kid") is not { Length: > 0 } kid
                || ReadString(jwk, "n") is not { Length: > 0 } modulus
                || ReadString(jwk, "e") is not { Length: > 0 } exponent)
            {
                continue;
            }

            var rsaKey = new RsaSecurityKey(new RSAParameters
            {
                Modulus = Base64UrlEncoder.DecodeBytes(modulus),
                Exponent = Base64UrlEncoder.DecodeBytes(exponent),
            })
            {
                KeyId = kid,
            };

            var endorsements = new List<string>();
            if (jwk.TryGetProperty("endorsements", out var endorsementArray) && endorsementArray.ValueKind == JsonValueKind.Array)
            {
                endorsements.AddRange(endorsementArray.EnumerateArray()
                    .Where(static e => e.ValueKind == JsonValueKind.String)
                    .Select(static e => e.GetString()!)); // Non-null: ValueKind is String.
            }

            keys[kid] = new SigningKey(kid, rsaKey, endorsements, ReadString(jwk, "issuer"));
        }

        return keys;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The cached state of one metadata document.</summary>
    private sealed class Entry(Uri metadataUrl)
    {
        private readonly Lock stateLock = new();
        private DateTimeOffset? fetchedAt;
        private DateTimeOffset? lastFailureAt;
        private DateTimeOffset? lastUnknownKeyRefreshAt;
        private long generation;
        private IReadOnlyDictionary<string, SigningKey>? keys;

        public Uri MetadataUrl { get; } = metadataUrl;

        /// <summary>Serialises fetches of this document.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public IReadOnlyDictionary<string, SigningKey>? Keys => Volatile.Read(ref keys);

        /// <summary>Counts completed fetch attempts, so that waiters can tell a fetch happened while they waited.</summary>
        public long Generation => Interlocked.Read(ref generation);

        public bool NeedsScheduledRefresh(DateTimeOffset now)
        {
            lock (stateLock)
            {
                var stale = keys is null || fetchedAt is null || now - fetchedAt.Value >= RefreshInterval;
                var backingOff = lastFailureAt is { } failure && now - failure < FailedRefreshRetryInterval;
                return stale && !backingOff;
            }
        }

        public bool TryClaimUnknownKeyRefresh(DateTimeOffset now)
        {
            lock (stateLock)
            {
                if (lastUnknownKeyRefreshAt is { } last && now - last < UnknownKeyRefreshInterval)
                {
                    return false;
                }

                lastUnknownKeyRefreshAt = now;
                return true;
            }
        }

        public void Succeeded(IReadOnlyDictionary<string, SigningKey> newKeys, DateTimeOffset now)
        {
            lock (stateLock)
            {
                Volatile.Write(ref keys, newKeys);
                fetchedAt = now;
                lastFailureAt = null;
                Interlocked.Increment(ref generation);
            }
        }

        public void Failed(DateTimeOffset now)
        {
            lock (stateLock)
            {
                lastFailureAt = now;
                Interlocked.Increment(ref generation);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1120, Level = LogLevel.Information,
            Message = "Signing keys refreshed from {MetadataUrl}: {KeyCount} keys ({Trigger})")]
        public static partial void KeysRefreshed(ILogger logger, Uri metadataUrl, int keyCount, string trigger);

        [LoggerMessage(EventId = 1121, Level = LogLevel.Warning,
            Message = "Signing keys could not be fetched from {MetadataUrl} ({ErrorType}); cached keys available: {HasCachedKeys}")]
        public static partial void KeysRefreshFailed(ILogger logger, Uri metadataUrl, string errorType, bool hasCachedKeys);

        [LoggerMessage(EventId = 1122, Level = LogLevel.Debug,
            Message = "Unknown key id for {MetadataUrl}: refresh suppressed, one ran less than 5 minutes ago")]
        public static partial void UnknownKeyRefreshSuppressed(ILogger logger, Uri metadataUrl);
    }
}
