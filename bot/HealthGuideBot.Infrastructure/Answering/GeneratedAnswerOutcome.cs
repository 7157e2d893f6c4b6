namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>What happened to one request for a generated answer: the only thing about it that is logged.</summary>
internal enum GeneratedAnswerOutcome
{
    /// <summary>The model's answer passed every check and is shown.</summary>
    Generated,

    /// <summary>None of the sections found may be given to a model (emergency documents, unknown documents).</summary>
    NoEligibleSection,

    UserBudgetExhausted,
    GlobalBudgetExhausted,
    Timeout,
    Error,

    /// <summary>The reply was not exactly the JSON object asked for, or tried to call a tool.</summary>
    SchemaViolation,

    /// <summary>The model said it does not know (empty answer).</summary>
    Declined,

    /// <summary>None of the citations refers to a section the model was given.</summary>
    NoValidCitation,

    /// <summary>The model's confidence was below the configured minimum.</summary>
    LowConfidence,

    /// <summary>The answer told staff not to call 999 (or similar), or was empty once links and markup were removed.</summary>
    Unsafe,
}
