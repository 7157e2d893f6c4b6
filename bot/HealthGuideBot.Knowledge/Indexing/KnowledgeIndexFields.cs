namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>Field names and the layout of an index generation. Stored fields are kept to what a hit needs.</summary>
internal static class KnowledgeIndexFields
{
    /// <summary>"section" or "document".</summary>
    public const string Kind = "kind";
    public const string SectionKind = "section";
    public const string DocumentKind = "document";

    public const string SectionId = "sid";
    public const string DocumentId = "doc";
    public const string Ordinal = "ord";
    public const string Anchor = "anchor";
    public const string Headings = "headings";

    /// <summary>The section text as written (stored, not indexed).</summary>
    public const string Text = "text";

    // Indexed, not stored.
    public const string Title = "title";
    public const string Heading = "heading";
    public const string Body = "body";

    // Document metadata (stored on the "document" entries).
    public const string Category = "category";
    public const string Owner = "owner";
    public const string Reviewed = "reviewed";
    public const string NextReview = "next-review";
    public const string ApprovedBy = "approved-by";
    public const string Audience = "audience";
    public const string CallNineNineNineFirst = "call-999-first";
    public const string SourceFile = "source";
    public const string DocumentTitle = "doc-title";

    public const char HeadingSeparator = '\u001f';

    /// <summary>In the index root: names the live generation folder. Replaced atomically by a rename.</summary>
    public const string CurrentFile = "CURRENT";

    public const string GenerationPrefix = "gen-";
}
