using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// Reads every Markdown, Word and PDF document under a knowledge folder (sub-folders included; README.md and
/// files starting with '.' or '~$' skipped). All problems are collected and reported together, so a school
/// fixes its folder in one pass; while any remain, nothing is indexed and the previous index keeps serving.
/// </summary>
internal sealed partial class KnowledgeFolderReader
{
    private readonly IKnowledgeDocumentReader[] _readers;
    private readonly ILogger _logger;

    public KnowledgeFolderReader(ILogger logger)
        : this([new MarkdownDocumentReader(), new DocxDocumentReader(), new PdfDocumentReader()], logger)
    {
    }

    internal KnowledgeFolderReader(IKnowledgeDocumentReader[] readers, ILogger logger)
    {
        _readers = readers;
        _logger = logger;
    }

    public Task<IReadOnlyList<KnowledgeDocumentContent>> ReadAsync(string folder, CancellationToken cancellationToken) =>
        ReadAsync(folder, progress: null, warnings: null, cancellationToken);

    /// <summary>Reads the folder, reporting each document read of those found, and adding a warning per file skipped.</summary>
    public async Task<IReadOnlyList<KnowledgeDocumentContent>> ReadAsync(
        string folder, IProgress<KnowledgeIndexProgress>? progress, ICollection<string>? warnings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The knowledge folder '{folder}' does not exist.");
        }

        var documents = new List<KnowledgeDocumentContent>();
        var problems = new List<string>();
        var found = new List<(string Path, IKnowledgeDocumentReader Reader)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)
                || string.Equals(name, "README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var extension = Path.GetExtension(path).ToLowerInvariant();
            var reader = _readers.FirstOrDefault(candidate => candidate.Extensions.Contains(extension));
            if (reader is null)
            {
                if (extension is not ".txt")
                {
                    Log.FileSkipped(_logger, name);
                    warnings?.Add($"Skipped {Path.GetRelativePath(folder, path)}: not a Markdown, Word or PDF document.");
                }

                continue;
            }

            found.Add((path, reader));
        }

        progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Reading, 0, found.Count, 0, 0));
        var read = 0;
        foreach (var (path, reader) in found)
        {
            try
            {
                documents.Add(await reader.ReadAsync(path, cancellationToken));
            }
            catch (InvalidDataException exception)
            {
                problems.Add(exception.Message);
            }

            progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Reading, ++read, found.Count, 0, 0));
        }

        foreach (var duplicate in documents.GroupBy(content => content.Document.Id).Where(group => group.Count() > 1))
        {
            problems.Add($"The id '{duplicate.Key}' is used by {string.Join(" and ", duplicate.Select(d => d.Document.SourceFile))}.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"The knowledge folder has {problems.Count} problem(s); nothing was indexed:{Environment.NewLine}- "
                + string.Join(Environment.NewLine + "- ", problems));
        }

        return documents.OrderBy(content => content.Document.Id, StringComparer.Ordinal).ToArray();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Skipped {FileName}: not a Markdown, Word or PDF document")]
        public static partial void FileSkipped(ILogger logger, string fileName);
    }
}
