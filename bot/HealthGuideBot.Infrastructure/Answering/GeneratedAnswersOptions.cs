namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>Which chat completion API the generated-answer composer calls.</summary>
public enum GeneratedAnswersProvider
{
    /// <summary>The OpenAI API, or anything that speaks it, at <see cref="GeneratedAnswersOptions.Endpoint"/>.</summary>
    OpenAI,

    /// <summary>
    /// Azure OpenAI through its OpenAI-compatible v1 API: <see cref="GeneratedAnswersOptions.Endpoint"/> is the resource
    /// (<c>https://name.openai.azure.com/</c>; <c>openai/v1/</c> is appended) and the model is the deployment name.
    /// </summary>
    AzureOpenAI,
}

/// <summary>
/// The optional generated-answer composer (section <c>HealthGuideBot:GeneratedAnswers</c>). Off by default: without
/// <see cref="Enabled"/> questions are answered by quoting the approved section, and no text leaves the server.
/// </summary>
public sealed class GeneratedAnswersOptions
{
    public const string Section = "HealthGuideBot:GeneratedAnswers";

    /// <summary>Turns the composer on. When true, <see cref="Endpoint"/>, the model and <see cref="ApiKey"/> are required.</summary>
    public bool Enabled { get; set; }

    public GeneratedAnswersProvider Provider { get; set; } = GeneratedAnswersProvider.OpenAI;

    /// <summary>The API base address, https (http only for a loopback test server).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The model id (OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>The deployment name (Azure OpenAI); <see cref="Model"/> is used when this is empty.</summary>
    public string? Deployment { get; set; }

    /// <summary>The API key. A secret: keep it in a secret store, never in appsettings.json. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long to wait for the model before quoting the section instead (default 8 s; at most 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The model's own confidence (0–1) below which its answer is discarded and the section quoted instead.</summary>
    public double MinimumConfidence { get; set; } = 0.6;

    /// <summary>The most output tokens one answer may use.</summary>
    public int MaxOutputTokens { get; set; } = 600;

    /// <summary>Generated answers per member of staff per <see cref="UserPeriod"/> (default 10 per 10 minutes).</summary>
    public int UserRequests { get; set; } = 10;

    public TimeSpan UserPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Generated answers for the whole school per <see cref="GlobalPeriod"/> (default 200 per hour).</summary>
    public int GlobalRequests { get; set; } = 200;

    public TimeSpan GlobalPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The model or deployment the requests name.</summary>
    internal string? EffectiveModel => Provider == GeneratedAnswersProvider.AzureOpenAI && !string.IsNullOrWhiteSpace(Deployment) ? Deployment : Model;
}
