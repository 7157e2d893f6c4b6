using System.Reflection;
using HealthGuideBot.Core.Referrals;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// Loads the question sets: the embedded defaults (<c>referrals/*.json</c>, from <c>Conversations/Referrals/QuestionSets</c>),
/// then any file of the same service in <see cref="ReferralOptions.QuestionSetFolder"/>, which replaces it. A set
/// with problems stops start-up with every problem listed.
/// </summary>
internal static class ReferralQuestionSetLoader
{
    private const string ResourcePrefix = "referrals/";

    public static ReferralQuestionSets Load(string? overrideFolder, string contentRoot)
    {
        var sets = new Dictionary<string, ReferralQuestionSet>(StringComparer.Ordinal);
        var assembly = typeof(ReferralQuestionSetLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var set = ReferralQuestionSetReader.Read(ReadResource(assembly, name), name);
            sets[set.Service] = set;
        }

        if (!string.IsNullOrWhiteSpace(overrideFolder))
        {
            var folder = Path.GetFullPath(overrideFolder, contentRoot);
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The referral question set folder '{folder}' ({ReferralOptions.Section}:{nameof(ReferralOptions.QuestionSetFolder)}) does not exist.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var set = ReferralQuestionSetReader.Read(File.ReadAllText(file), file);
                sets[set.Service] = set;
            }
        }

        return new ReferralQuestionSets(sets.Values);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded question set {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
