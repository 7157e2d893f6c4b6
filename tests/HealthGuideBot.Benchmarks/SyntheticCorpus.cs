using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// A deterministic knowledge folder of a chosen size: the real knowledge/ documents (emergencies, policies and
/// synonyms.txt included, so the analyser and the emergency catalog are the real ones) plus generated Markdown
/// documents of ten ~240-word sections each, until the folder holds exactly the requested number of sections.
/// Generated text is drawn from the real documents' words (mostly from one "topic" document per generated
/// document, so health terms cluster as they do in real policies), common English filler and a Zipf-distributed
/// set of invented words (so the term dictionary grows as a real corpus's would).
/// The folder and its built index are cached under the temp folder, keyed by size, seed and generator version, so
/// the benchmarks' processes build a large corpus once.
/// </summary>
internal sealed partial class SyntheticCorpus
{
    public const int DefaultSeed = 20_260_101;
    private const int GeneratorVersion = 2; // 2: index built with document entries first (cache rebuilt)
    private const int SectionsPerDocument = 10;
    private const int MinimumWords = 200;
    private const int MaximumWords = 280;
    private const int InventedWords = 30_000;

    private static readonly string[] Filler =
    [
        "the", "a", "and", "of", "to", "in", "is", "that", "for", "it", "as", "with", "be", "on", "by", "this", "are",
        "or", "from", "at", "which", "their", "have", "should", "will", "can", "any", "all", "when", "where", "who",
        "they", "them", "there", "been", "has", "not", "but", "if", "also", "each", "other", "than", "then", "so",
        "about", "into", "more", "may", "must", "would", "what", "how", "after", "before", "during", "within", "while",
        "every", "such", "only", "through", "between", "because", "both", "same", "some", "those", "these", "over",
        "under", "again", "further", "once", "here", "very", "usually", "normally", "always", "often", "record",
        "review", "arrangements", "responsible", "appropriate", "ensure", "provide", "support", "information",
        "process", "place", "member", "members", "team", "day", "week", "year", "years", "number", "agreed",
        "regular", "local", "written", "clear", "copy", "kept", "given", "made", "taken", "used", "held", "shared",
        "update", "updated", "contact", "check", "checked", "plan", "plans", "form", "forms", "guidance", "policy",
    ];

    private static readonly string[] Audiences = ["all-staff", "first-aiders", "senco", "nurses", "leadership"];
    private static readonly string[] Categories = ["policy", "guidance", "pathway"];
    private static readonly string[] Owners = ["School nurse", "SENCO", "Headteacher", "Designated safeguarding lead", "First aid lead"];

    private readonly Random _random;
    private readonly Topic[] _topics;
    private readonly string[] _allWords;
    private readonly string[] _invented;
    private readonly double[] _inventedCumulative;

    private SyntheticCorpus(int seed, Topic[] topics)
    {
        _random = new Random(seed);
        _topics = topics;
        _allWords = topics.SelectMany(topic => topic.Words).ToArray();
        _invented = InventWords(new Random(seed + 1), InventedWords);
        _inventedCumulative = ZipfCumulative(InventedWords);
    }

    public static string RootFor(int sections, int seed = DefaultSeed) =>
        Path.Combine(RepoPaths.CacheFolder, string.Create(CultureInfo.InvariantCulture, $"corpus-{sections}-s{seed}-v{GeneratorVersion}"));

    /// <summary>
    /// The cached corpus of <paramref name="sections"/> sections with a built index, generated and built first if
    /// missing. <paramref name="log"/> receives progress (generation and build times).
    /// </summary>
    public static async Task<CorpusLocation> EnsureAsync(int sections, Action<string>? log = null, int seed = DefaultSeed)
    {
        var root = RootFor(sections, seed);
        // The generated text is kept across index layouts; each layout gets its own index folder.
        var layout = string.Create(CultureInfo.InvariantCulture, $"layout{KnowledgeIndexFields.LayoutVersion}");
        var location = new CorpusLocation(Path.Combine(root, "knowledge"), Path.Combine(root, "index-" + layout), sections);
        var ready = Path.Combine(root, "ready-" + layout);
        if (File.Exists(ready))
        {
            return location;
        }

        var generated = Path.Combine(root, "generated");
        var started = Stopwatch.GetTimestamp();
        if (!File.Exists(generated) && !File.Exists(Path.Combine(root, "ready")))
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            await WriteAsync(location.KnowledgeFolder, sections, seed);
            await File.WriteAllTextAsync(generated, "generated");
            log?.Invoke(string.Create(
                CultureInfo.InvariantCulture, $"generated {sections:N0}-section corpus in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s: {root}"));
        }

        if (Directory.Exists(location.IndexRoot))
        {
            Directory.Delete(location.IndexRoot, recursive: true);
        }

        started = Stopwatch.GetTimestamp();
        var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
        var result = await builder.BuildAsync(location.KnowledgeFolder, location.IndexRoot, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.SectionCount != sections)
        {
            throw new InvalidOperationException($"Expected {sections} sections, the builder indexed {result.SectionCount}.");
        }

        log?.Invoke(string.Create(
            CultureInfo.InvariantCulture,
            $"built index of {result.SectionCount:N0} sections ({result.DocumentCount:N0} documents) in {elapsed.TotalSeconds:0.0} s = {elapsed.TotalMilliseconds * 1000 / result.SectionCount:0} ms per 1,000 (first build in this process, JIT included)"));
        await File.WriteAllTextAsync(ready, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return location;
    }

    /// <summary>Writes the real documents plus generated ones into <paramref name="folder"/>: exactly <paramref name="sections"/> sections in all.</summary>
    public static async Task WriteAsync(string folder, int sections, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(folder);
        var realSections = 0;
        var topics = new List<Topic>();
        foreach (var source in Directory.EnumerateFiles(RepoPaths.KnowledgeFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepoPaths.KnowledgeFolder, source);
            var target = Path.Combine(folder, "real", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (string.Equals(relative, "synonyms.txt", StringComparison.Ordinal))
            {
                target = Path.Combine(folder, relative);
            }

            File.Copy(source, target, overwrite: true);
            if (source.EndsWith(".md", StringComparison.Ordinal) && !source.EndsWith("README.md", StringComparison.Ordinal))
            {
                var topic = Topic.Read(await File.ReadAllTextAsync(source));
                realSections += topic.SectionCount;
                topics.Add(topic);
            }
        }

        var generated = sections - realSections;
        if (generated < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sections), $"The real knowledge base alone has {realSections} sections.");
        }

        var corpus = new SyntheticCorpus(seed, [.. topics]);
        var generatedFolder = Path.Combine(folder, "generated");
        Directory.CreateDirectory(generatedFolder);
        for (var document = 0; generated > 0; document++)
        {
            var count = Math.Min(SectionsPerDocument, generated);
            var id = string.Create(CultureInfo.InvariantCulture, $"synthetic-{document:000000}");
            await File.WriteAllTextAsync(Path.Combine(generatedFolder, id + ".md"), corpus.Document(id, document, count));
            generated -= count;
        }
    }

    private string Document(string id, int ordinal, int sections)
    {
        var topic = _topics[_random.Next(_topics.Length)];
        var text = new StringBuilder(sections * 1800);
        text.Append("---\n")
            .Append("id: ").Append(id).Append('\n')
            .Append("title: ").Append(Capitalise(Invented())).Append(' ').Append(topic.Title).Append(' ')
            .Append(ordinal.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("category: ").Append(Categories[ordinal % Categories.Length]).Append('\n')
            .Append("owner: ").Append(Owners[ordinal % Owners.Length]).Append('\n')
            .Append("reviewed: 2026-09-01\n")
            .Append("next-review: 2027-09-01\n")
            .Append("approved-by: Synthetic benchmark corpus\n")
            .Append("audience: ").Append(Audiences[ordinal % Audiences.Length]).Append('\n')
            .Append("---\n\n");
        for (var section = 0; section < sections; section++)
        {
            var heading = Enumerable.Range(0, _random.Next(2, 6)).Select(_ => topic.HeadingWords[_random.Next(topic.HeadingWords.Length)]);
            text.Append(section % 4 == 3 ? "### " : "## ")
                .Append(Capitalise(string.Join(' ', heading))).Append(' ')
                .Append((section + 1).ToString(CultureInfo.InvariantCulture)).Append("\n\n");
            AppendSectionBody(text, topic, _random.Next(MinimumWords, MaximumWords + 1));
        }

        return text.ToString();
    }

    private void AppendSectionBody(StringBuilder text, Topic topic, int words)
    {
        var written = 0;
        while (written < words)
        {
            var list = _random.NextDouble() < 0.25;
            var items = list ? _random.Next(3, 6) : _random.Next(2, 5);
            for (var item = 0; item < items && written < words; item++)
            {
                var length = Math.Min(words - written, _random.Next(list ? 5 : 8, list ? 12 : 19));
                text.Append(list ? "- " : string.Empty).Append(Sentence(topic, length)).Append(list ? "\n" : " ");
                written += length;
            }

            text.Append(list ? "\n" : "\n\n");
        }
    }

    private string Sentence(Topic topic, int length)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
        {
            var roll = _random.NextDouble();
            words[i] = roll switch
            {
                < 0.55 => topic.Words[_random.Next(topic.Words.Length)],
                < 0.70 => _allWords[_random.Next(_allWords.Length)],
                < 0.85 => Filler[_random.Next(Filler.Length)],
                _ => Invented(),
            };
        }

        return Capitalise(string.Join(' ', words)) + ".";
    }

    private string Invented()
    {
        var index = Array.BinarySearch(_inventedCumulative, _random.NextDouble());
        return _invented[Math.Min(index < 0 ? ~index : index, _invented.Length - 1)];
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string[] InventWords(Random random, int count)
    {
        string[] onsets = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "dr", "gr", "pl", "st", "tr", "sh", "th"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
        string[] codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng"];
        // In invention order (random), not alphabetical: the Zipf ranks must not favour one spelling pattern.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(count);
        while (words.Count < count)
        {
            var syllables = random.Next(2, 5);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
            {
                word.Append(onsets[random.Next(onsets.Length)]).Append(vowels[random.Next(vowels.Length)]).Append(codas[random.Next(codas.Length)]);
            }

            if (seen.Add(word.ToString()))
            {
                words.Add(word.ToString());
            }
        }

        return [.. words];
    }

    private static double[] ZipfCumulative(int count)
    {
        var cumulative = new double[count];
        var total = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            total += 1.0 / rank;
            cumulative[rank - 1] = total;
        }

        for (var i = 0; i < count; i++)
        {
            cumulative[i] /= total;
        }

        return cumulative;
    }

    /// <summary>One real document's vocabulary: the words of its body (with their frequencies) and of its headings.</summary>
    private sealed partial record Topic(string Title, string[] Words, string[] HeadingWords, int SectionCount)
    {
        public static Topic Read(string markdown)
        {
            var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
            var title = lines[1..end].First(line => line.StartsWith("title:", StringComparison.Ordinal))["title:".Length..].Trim();
            var body = lines[(end + 1)..];
            var headings = body.Where(line => line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal)).ToArray();
            var words = WordPattern().Matches(string.Join('\n', body.Where(line => !headings.Contains(line)))).Select(match => match.Value.ToLowerInvariant()).ToArray();
            var headingWords = WordPattern().Matches(string.Join(' ', headings)).Select(match => match.Value.ToLowerInvariant()).ToArray();
            // Sections as the reader makes them: one per ## or ### heading with text. Text before the first heading is the
            // preamble, not a section, unless the document has no headings at all.
            var introduction = headings.Length == 0 && body.Any(line => line.Trim().Length > 0) ? 1 : 0;
            return new Topic(title, words, headingWords.Length > 0 ? headingWords : words, headings.Length + introduction);
        }

        [GeneratedRegex("[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")]
        private static partial Regex WordPattern();
    }
}

/// <summary>A generated knowledge folder and the index root it was built into.</summary>
internal sealed record CorpusLocation(string KnowledgeFolder, string IndexRoot, int Sections);
