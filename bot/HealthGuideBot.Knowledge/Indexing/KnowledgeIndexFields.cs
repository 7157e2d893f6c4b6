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

    /// <summary>A section's record number in the <see cref="SectionStore"/> (numeric doc value).</summary>
    public const string Slot = "slot";

    /// <summary>
    /// The layout of a generation (fields, section store). Part of the knowledge base's source fingerprint, so an index
    /// built by a version with another layout is rebuilt rather than opened. 2: section store, no stored fields or term
    /// vectors.
    /// </summary>
    public const int LayoutVersion = 2;
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
