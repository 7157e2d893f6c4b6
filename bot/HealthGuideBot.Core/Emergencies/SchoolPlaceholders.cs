using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>The <c>{{school.x}}</c> placeholders of knowledge/README.md, filled from the <see cref="SchoolProfile"/>.</summary>
internal static partial class SchoolPlaceholders
{
    private static readonly string[] Known = ["name", "address", "postcode", "phone", "entrance", "meetingpoint"];

    /// <summary>The placeholder names in <paramref name="text"/> that no profile field fills.</summary>
    public static IEnumerable<string> Unknown(string text) =>
        Placeholder().Matches(text)
            .Select(match => match.Groups["key"].Value)
            .Where(key => !Known.Contains(key.ToLowerInvariant()));

    public static bool Contains(string text) => text.Contains("{{", StringComparison.Ordinal);

    public static string Fill(string text, SchoolProfile school) =>
        Placeholder().Replace(text, match => match.Groups["key"].Value.ToLowerInvariant() switch
        {
            "name" => school.Name,
            "address" => school.Address,
            "postcode" => school.Postcode,
            "phone" => school.Phone,
            "entrance" => school.Entrance,
            "meetingpoint" => school.MeetingPoint,
            var key => throw new InvalidDataException($"Unknown placeholder '{{{{school.{key}}}}}'."),
        });

    public static void Validate(SchoolProfile school)
    {
        ArgumentNullException.ThrowIfNull(school);
        var missing = new List<string>();
        Check(school.Name, nameof(school.Name));
        Check(school.Address, nameof(school.Address));
        Check(school.Postcode, nameof(school.Postcode));
        Check(school.Phone, nameof(school.Phone));
        Check(school.Entrance, nameof(school.Entrance));
        Check(school.MeetingPoint, nameof(school.MeetingPoint));
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The school profile is incomplete; the 999 script needs: {string.Join(", ", missing)}. Set them in configuration.",
                nameof(school));
        }

        void Check(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*school\.(?<key>[A-Za-z]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
