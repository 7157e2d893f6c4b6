using HealthGuideBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Core.Questions;

/// <summary>
/// Answers a policy or guidance question from the knowledge base: the best section with a citation, a "did you
/// mean" when unsure, or an honest "I don't have an approved answer; ask &lt;role&gt;". The question is only ever
/// searched for: instructions inside it are text, never followed.
/// </summary>
public sealed partial class QuestionAnswerer
{
    private const int SearchDepth = 8;

    /// <summary>How many sections a composer is given: the best, and the next ones close enough to be suggested.</summary>
    private const int EvidenceDepth = 3;

    /// <summary>
    /// Evidence of one passing mention, in units of <see cref="MentionScore"/>: at most this is no evidence. 0.87, not
    /// the first fit's 0.85: once sections were the only Lucene documents, BM25's average length (total terms over all
    /// documents) rose, so a single mention in a short section scores up to 0.95 units ("school council", "weather").
    /// </summary>
    internal const double PassingMention = 0.87;

    /// <summary>How fast strength approaches 1 beyond a passing mention (about 0.95 at 2 units, 0.99 at 2.7).</summary>
    internal const double StrengthRate = 2.5;

    private readonly IKnowledgeSearch _search;
    private readonly IAnswerComposer _composer;
    private readonly QuestionAnsweringOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<QuestionAnswerer> _logger;
    private readonly SearchAdmission _admission;

    public QuestionAnswerer(
        IKnowledgeSearch search,
        IAnswerComposer composer,
        IOptions<QuestionAnsweringOptions> options,
        TimeProvider timeProvider,
        ILogger<QuestionAnswerer> logger)
        : this(search, composer, options, timeProvider, logger, new SearchAdmission(options))
    {
    }

    public QuestionAnswerer(
        IKnowledgeSearch search,
        IAnswerComposer composer,
        IOptions<QuestionAnsweringOptions> options,
        TimeProvider timeProvider,
        ILogger<QuestionAnswerer> logger,
        SearchAdmission admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        _admission = admission;
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _search = search;
        _composer = composer;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public ValueTask<QuestionOutcome> AnswerAsync(string question, CancellationToken cancellationToken) =>
        AnswerAsync(question, requesterKey: null, cancellationToken);

    /// <summary>Answers <paramref name="question"/>.</summary>
    /// <param name="question">The question as typed.</param>
    /// <param name="requesterKey">
    /// An opaque key for per-user consumption limits of a generative composer (e.g. the Entra object id); never sent to a
    /// model. Null puts the caller in one shared budget.
    /// </param>
    /// <param name="cancellationToken">Cancels the answer.</param>
    public async ValueTask<QuestionOutcome> AnswerAsync(string question, string? requesterKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        KnowledgeSearchResult result;
        using (await _admission.EnterAsync(cancellationToken))
        {
            result = _search.Search(question, SearchDepth);
        }

        var confidence = Confidence(result);
        var today = DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);

        QuestionOutcome outcome;
        if (result.Hits.Count == 0 || confidence < _options.SuggestionThreshold)
        {
            outcome = new NoApprovedAnswer(_options.AskRole);
        }
        else if (confidence < _options.AnswerThreshold)
        {
            var suggestions = result.Hits
                .Where(hit => hit.Coverage >= _options.SuggestionThreshold)
                .DistinctBy(hit => hit.Section.Id)
                .Take(Math.Max(1, _options.MaxSuggestions))
                .Select(hit => Cite(hit.Section, today))
                .OfType<Citation>()
                .ToArray();
            outcome = suggestions.Length == 0
                ? new NoApprovedAnswer(_options.AskRole)
                : new DidYouMean(suggestions, _options.AskRole, confidence);
        }
        else
        {
            var evidence = result.Hits
                .DistinctBy(hit => hit.Section.Id)
                .Where((hit, index) => index == 0 || hit.Coverage >= _options.SuggestionThreshold)
                .Take(EvidenceDepth)
                .ToArray();
            var composed = await _composer.ComposeAsync(new AnswerEvidence(question, evidence) { RequesterKey = requesterKey }, cancellationToken);
            var citations = composed.Sources
                .Where(source => evidence.Any(hit => hit.Section.Id == source.Section.Id))
                .DistinctBy(source => source.Section.Id)
                .Select(source => Cite(source.Section, today))
                .OfType<Citation>()
                .ToArray();
            outcome = citations.Length > 0 && composed.Text.Length > 0
                ? new AnsweredQuestion(composed.Text, citations, confidence) { IsGenerated = composed.IsGenerated }
                : new NoApprovedAnswer(_options.AskRole);
        }

        Log.QuestionAnswered(
            _logger,
            outcome.GetType().Name,
            outcome.Citations.Count > 0 ? outcome.Citations[0].Source.SectionId : "none",
            confidence);
        return outcome;
    }

    /// <summary>
    /// How sure the answer is (0–1): the best section's coverage of the question times the strength of its evidence.
    /// <list type="bullet">
    /// <item>Coverage: the share of the question's terms the section contains, each weighted by its rarity; words the
    /// knowledge base has never seen ("wifi", "France") weigh as much as the rarest known word, so an off-topic
    /// question scores low.</item>
    /// <item>Strength: coverage alone cannot tell a section about the question from one that mentions its only
    /// searched word in passing ("school council" and "Guidance from the Resuscitation Council UK", coverage 1). BM25
    /// can: its score grows with each further mention, each further question word in the section and a heading match.
    /// The score is read in units of one passing mention of a word found in one section only (that word's IDF with
    /// an average term-frequency factor of 1), so the scale does not depend on the size of the knowledge base.
    /// Up to <see cref="PassingMention"/> units the section only mentions the question: strength 0; beyond it,
    /// strength rises smoothly towards 1 (1 − e^(−<see cref="StrengthRate"/>·excess)).</item>
    /// </list>
    /// A clear, specific question answered by a section that is about it scores near 1; a vague one-word question
    /// lower; a passing mention near 0, which is an honest refusal.
    /// </summary>
    internal static double Confidence(KnowledgeSearchResult result)
    {
        if (result.Hits.Count == 0 || result.QueryTermCount == 0 || result.KnownQueryTermCount == 0)
        {
            return 0;
        }

        return Math.Clamp(result.Hits[0].Coverage, 0, 1) * EvidenceStrength(result);
    }

    /// <summary>0–1: how far the best section's score goes beyond a passing mention (see <see cref="Confidence"/>).</summary>
    internal static double EvidenceStrength(KnowledgeSearchResult result)
    {
        if (result.Hits.Count == 0 || result.IndexedEntryCount <= 1)
        {
            // A search that does not report its statistics: coverage alone decides, as it always did.
            return result.Hits.Count == 0 ? 0 : 1;
        }

        var units = result.Hits[0].Score / MentionScore(result.IndexedEntryCount);
        return 1 - Math.Exp(-StrengthRate * Math.Max(0, units - PassingMention));
    }

    /// <summary>
    /// The BM25 score of one mention of a word that only one of <paramref name="entries"/> contains, at average
    /// section length: its IDF, ln(1 + (N − 1 + 0.5) / (1 + 0.5)), times a term-frequency factor of 1.
    /// </summary>
    internal static double MentionScore(int entries) => Math.Log(1 + ((entries - 0.5) / 1.5));

    private Citation? Cite(KnowledgeSection section, DateOnly today)
    {
        if (_search.FindDocument(section.DocumentId) is not { } document)
        {
            return null;
        }

        var source = SourceReference.For(document, section);
        return new Citation(source, source.IsOverdue(today));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Question outcome {Outcome} citing {SectionId} (confidence {Confidence:0.00})")]
        public static partial void QuestionAnswered(ILogger logger, string outcome, string sectionId, double confidence);
    }
}
