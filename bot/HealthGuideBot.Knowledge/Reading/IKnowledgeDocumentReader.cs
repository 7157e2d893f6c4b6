using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>Reads one kind of file (Markdown, Word, PDF) into a document and its sections.</summary>
internal interface IKnowledgeDocumentReader
{
    /// <summary>File extensions handled, with the dot, lower case.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads the file; throws <see cref="InvalidDataException"/> naming the file when it cannot be used.</summary>
    Task<KnowledgeDocumentContent> ReadAsync(string path, CancellationToken cancellationToken);
}
