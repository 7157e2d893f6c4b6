using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Referrals;

/// <summary>Human-friendly referral references: <c>REF-2026-000123</c> (year of submission, then a sequence in that year).</summary>
public static partial class ReferralReference
{
    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"REF-{year:D4}-{sequence:D6}");

    /// <summary>Finds a reference in free text ("status of ref-2026-000123?").</summary>
    public static string? Find(string? text) =>
        text is not null && Pattern().Match(text) is { Success: true } match ? match.Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"\bREF-\d{4}-\d{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
