using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>
/// The optional generated-answer composer: asks a chat model to answer the question from the numbered policy,
/// guidance and pathway sections only, and shows its answer only when every check in code passes. Otherwise (over
/// budget, timeout, error, schema violation, no valid citation, low confidence, unsafe text) it quotes the best
/// section exactly as <see cref="ExtractiveAnswerComposer"/> does. The model gets no tools and no kernel: it can
/// only return text. Emergency documents are never sent, and emergencies never reach a composer at all.
/// </summary>
internal sealed partial class SemanticKernelAnswerComposer : IAnswerComposer
{
    private static readonly HashSet<KnowledgeCategory> EligibleCategories =
        [KnowledgeCategory.Policy, KnowledgeCategory.Guidance, KnowledgeCategory.Pathway];

    private static readonly HashSet<string> EmergencyDocuments = new(EmergencyDocumentIds.Priority, StringComparer.OrdinalIgnoreCase);

    private readonly IChatCompletionService _chat;
    private readonly IKnowledgeSearch _knowledge;
    private readonly ExtractiveAnswerComposer _fallback;
    private readonly AnswerRequestBudget _budget;
    private readonly GeneratedAnswersOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SemanticKernelAnswerComposer> _logger;

    public SemanticKernelAnswerComposer(
        IChatCompletionService chat,
        IKnowledgeSearch knowledge,
        ExtractiveAnswerComposer fallback,
        AnswerRequestBudget budget,
        GeneratedAnswersOptions options,
        TimeProvider time,
        ILogger<SemanticKernelAnswerComposer> logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _chat = chat;
        _knowledge = knowledge;
        _fallback = fallback;
        _budget = budget;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<ComposedAnswer> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var started = _time.GetTimestamp();
        var sections = EligibleSections(evidence.Hits);
        if (sections.Count == 0)
        {
            return await FallBackAsync(evidence, GeneratedAnswerOutcome.NoEligibleSection, started, cancellationToken);
        }

        var budget = _budget.TryAcquire(evidence.RequesterKey);
        if (budget != BudgetDecision.Granted)
        {
            var outcome = budget == BudgetDecision.UserBudgetExhausted
                ? GeneratedAnswerOutcome.UserBudgetExhausted
                : GeneratedAnswerOutcome.GlobalBudgetExhausted;
            return await FallBackAsync(evidence, outcome, started, cancellationToken);
        }

        var (reply, failure) = await AskAsync(evidence.Question, sections, cancellationToken);
        if (failure is { } failed)
        {
            return await FallBackAsync(evidence, failed, started, cancellationToken);
        }

        var (answer, check) = Check(reply, sections);
        if (answer is null)
        {
            return await FallBackAsync(evidence, check, started, cancellationToken);
        }

        var elapsed = _time.GetElapsedTime(started);
        Log.Generated(_logger, sections.Count, answer.Sources.Count, elapsed.TotalMilliseconds);
        return answer;
    }

    /// <summary>The execution settings for every request: deterministic, JSON only, bounded, no tools, not stored.</summary>
    internal OpenAIPromptExecutionSettings Settings() => new()
    {
        Temperature = 0,
        MaxTokens = _options.MaxOutputTokens,
        ResponseFormat = "json_object",
        Store = false,
        FunctionChoiceBehavior = null,
        ToolCallBehavior = null,
    };

    /// <summary>Only policy, guidance and pathway sections whose document is known, numbered from 1 in evidence order.</summary>
    private List<PromptSection> EligibleSections(IReadOnlyList<KnowledgeHit> hits)
    {
        var sections = new List<PromptSection>(hits.Count);
        foreach (var hit in hits.DistinctBy(hit => hit.Section.Id))
        {
            if (!EmergencyDocuments.Contains(hit.Section.DocumentId)
                && _knowledge.FindDocument(hit.Section.DocumentId) is { } document
                && EligibleCategories.Contains(document.Category))
            {
                sections.Add(new PromptSection(sections.Count + 1, hit, document));
            }
        }

        return sections;
    }

    private async Task<(ChatMessageContent? Reply, GeneratedAnswerOutcome? Failure)> AskAsync(
        string question,
        IReadOnlyList<PromptSection> sections,
        CancellationToken cancellationToken)
    {
        var history = AnswerPrompt.Build(question, sections);
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // kernel: null — no plugins, no functions, nothing the model could invoke.
            var reply = await _chat.GetChatMessageContentAsync(history, Settings(), kernel: null, linked.Token);
            return (reply, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, GeneratedAnswerOutcome.Timeout);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception's message can quote the request; only its type is logged.
            Log.ModelCallFailed(_logger, exception.GetType().Name);
            return (null, GeneratedAnswerOutcome.Error);
        }
    }

    private (ComposedAnswer? Answer, GeneratedAnswerOutcome Outcome) Check(ChatMessageContent? reply, List<PromptSection> sections)
    {
        if (reply is null || reply.Items.Any(item => item is FunctionCallContent) || ModelAnswer.Parse(reply.Content) is not { } parsed)
        {
            return (null, GeneratedAnswerOutcome.SchemaViolation);
        }

        if (string.IsNullOrWhiteSpace(parsed.Answer))
        {
            return (null, GeneratedAnswerOutcome.Declined);
        }

        var cited = parsed.Citations
            .Distinct()
            .Where(number => number >= 1 && number <= sections.Count)
            .ToArray();
        if (cited.Length == 0)
        {
            return (null, GeneratedAnswerOutcome.NoValidCitation);
        }

        if (parsed.Confidence < _options.MinimumConfidence)
        {
            return (null, GeneratedAnswerOutcome.LowConfidence);
        }

        var renumbering = cited.Select((number, index) => (number, index)).ToDictionary(pair => pair.number, pair => pair.index + 1);
        var text = AnswerTextSanitizer.Sanitize(parsed.Answer, renumbering);
        if (text.Length == 0 || AnswerTextSanitizer.DiscouragesEmergencyCall(text) || AnswerTextSanitizer.DiscouragesEmergencyCall(parsed.Answer))
        {
            return (null, GeneratedAnswerOutcome.Unsafe);
        }

        var sources = cited.Select(number => sections[number - 1].Hit).ToArray();
        return (new ComposedAnswer(text, sources, IsGenerated: true), GeneratedAnswerOutcome.Generated);
    }

    private async ValueTask<ComposedAnswer> FallBackAsync(
        AnswerEvidence evidence,
        GeneratedAnswerOutcome outcome,
        long started,
        CancellationToken cancellationToken)
    {
        var elapsed = _time.GetElapsedTime(started);
        Log.FellBack(_logger, outcome, elapsed.TotalMilliseconds);
        return await _fallback.ComposeAsync(evidence, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Generated answer from {SectionCount} sections citing {CitationCount} in {ElapsedMs:0} ms")]
        public static partial void Generated(ILogger logger, int sectionCount, int citationCount, double elapsedMs);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Generated answer not used ({Outcome}) after {ElapsedMs:0} ms; quoting the section")]
        public static partial void FellBack(ILogger logger, GeneratedAnswerOutcome outcome, double elapsedMs);

        [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Chat model call failed with {ExceptionType}")]
        public static partial void ModelCallFailed(ILogger logger, string exceptionType);
    }
}
