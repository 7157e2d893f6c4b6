namespace HealthGuideBot.Core.Knowledge;

/// <summary>One section of a document, split at its <c>##</c>/<c>###</c> (or Heading 1–3) headings.</summary>
/// <param name="DocumentId">The owning document's id.</param>
/// <param name="Anchor">A slug of the heading, unique within the document, e.g. <c>call-999-if</c>.</param>
/// <param name="HeadingPath">The headings from the top level down to this section, e.g. ["Roles", "Headteacher"].</param>
/// <param name="Text">The section body as written (Markdown lists and emphasis kept), without its heading.</param>
/// <param name="Ordinal">The position of the section in its document, from 0.</param>
public sealed record KnowledgeSection(
    string DocumentId,
    string Anchor,
    IReadOnlyList<string> HeadingPath,
    string Text,
    int Ordinal)
{
    /// <summary>The separator between <see cref="DocumentId"/> and <see cref="Anchor"/> in <see cref="Id"/>.</summary>
    public const char IdSeparator = '#';

    /// <summary>Globally unique id: <c>document-id#anchor</c>.</summary>
    public string Id => DocumentId + IdSeparator + Anchor;

    /// <summary>The heading as cited, e.g. "Roles and responsibilities › Headteacher".</summary>
    public string Heading => string.Join(" › ", HeadingPath);
}
