using HealthGuideBot.Core.Knowledge;
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

    public async Task<IReadOnlyList<KnowledgeDocumentContent>> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The knowledge folder '{folder}' does not exist.");
        }

        var documents = new List<KnowledgeDocumentContent>();
        var problems = new List<string>();
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
                }

                continue;
            }

            try
            {
                documents.Add(await reader.ReadAsync(path, cancellationToken));
            }
            catch (InvalidDataException exception)
            {
                problems.Add(exception.Message);
            }
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
