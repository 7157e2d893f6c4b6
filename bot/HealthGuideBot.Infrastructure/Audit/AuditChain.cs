using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HealthGuideBot.Core.Access;

namespace HealthGuideBot.Infrastructure.Audit;

/// <summary>
/// The audit hash chain: each record's hash is SHA-256 over the previous record's hash (32 zero bytes for the first)
/// followed by the record's canonical content. Changing, removing or reordering any record changes every later hash.
/// </summary>
internal static class AuditChain
{
    /// <summary>The "previous hash" of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>
    /// The hash of a record. The canonical content is every field in a fixed order, each as
    /// <c>length:value;</c> (or <c>~;</c> for null), in UTF-8, with numbers and times in invariant form, so no two
    /// different records share a canonical form.
    /// </summary>
    public static string ComputeHash(string previousHash, long sequence, AuditEntry entry)
    {
        var canonical = new StringBuilder(256);
        Append(canonical, sequence.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(canonical, entry.ActorId);
        Append(canonical, entry.ActorRole?.ToString());
        Append(canonical, entry.Action);
        Append(canonical, entry.RecordType);
        Append(canonical, entry.RecordId);
        Append(canonical, entry.ConversationId);
        Append(canonical, entry.Outcome.ToString());
        Append(canonical, entry.CorrelationId);

        var content = Encoding.UTF8.GetBytes(canonical.ToString());
        var input = new byte[32 + content.Length];
        Convert.FromHexString(previousHash).CopyTo(input, 0);
        content.CopyTo(input, 32);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    private static void Append(StringBuilder canonical, string? value)
    {
        if (value is null)
        {
            canonical.Append("~;");
            return;
        }

        canonical.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
