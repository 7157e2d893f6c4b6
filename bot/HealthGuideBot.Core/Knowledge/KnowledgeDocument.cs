namespace HealthGuideBot.Core.Knowledge;

/// <summary>
/// The metadata of one approved (or sample) document in the knowledge folder, from its front matter or its
/// document properties. The text lives in its <see cref="KnowledgeSection"/>s.
/// </summary>
/// <param name="Id">Stable identifier, e.g. <c>emergency-asthma</c>.</param>
/// <param name="Title">Title shown to staff and used in citations.</param>
/// <param name="Category">Emergency, policy, guidance or pathway.</param>
/// <param name="Owner">The role that owns the document (never a person's name).</param>
/// <param name="Reviewed">Date of the last review.</param>
/// <param name="NextReview">Date by which the document must be reviewed again.</param>
/// <param name="ApprovedBy">Who approved it; the sample value starts with <c>SAMPLE</c> and means "not approved".</param>
/// <param name="Audience">Who the document is for, e.g. <c>all-staff</c>.</param>
/// <param name="CallNineNineNineFirst">For emergencies: whether calling 999 is the first instruction.</param>
/// <param name="SourceFile">The file name the document was read from, for error messages.</param>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    KnowledgeCategory Category,
    string Owner,
    DateOnly Reviewed,
    DateOnly NextReview,
    string ApprovedBy,
    string Audience,
    bool CallNineNineNineFirst,
    string SourceFile)
{
    /// <summary>The value the sample knowledge base uses for <c>approved-by</c>; such documents are unapproved.</summary>
    public const string SampleApprovalPrefix = "SAMPLE";

    /// <summary>What a Word or PDF document without an <c>approved-by</c> property is given: it reads as unapproved.</summary>
    public const string ApprovalNotRecorded = "Not recorded";

    /// <summary>False for sample content or a document without an approver.</summary>
    public bool IsApproved =>
        !string.IsNullOrWhiteSpace(ApprovedBy)
        && !ApprovedBy.TrimStart().StartsWith(SampleApprovalPrefix, StringComparison.OrdinalIgnoreCase)
        && !string.Equals(ApprovedBy.Trim(), ApprovalNotRecorded, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="today"/> is after the next-review date.</summary>
    public bool IsOverdue(DateOnly today) => today > NextReview;
}
