using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Filing.Graph;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Filing settings, section <c>HealthGuideBot:Filing</c> (documented in deploy/graph-filing.md).</summary>
internal sealed class FilingOptions
{
    public const string Section = "HealthGuideBot:Filing";

    /// <summary><c>Local</c> (default) or <c>Graph</c>.</summary>
    public FilingMode Mode { get; set; } = FilingMode.Local;

    /// <summary>The local filing folder; relative paths are under the content root. Default <c>data/filed</c>.</summary>
    public string LocalFolder { get; set; } = Path.Combine("data", "filed");

    public FilingDispatchOptions Dispatch { get; set; } = new();

    public GraphFilingOptions Graph { get; set; } = new();
}

/// <summary>How the outbox dispatcher claims, retries and parks items.</summary>
internal sealed class FilingDispatchOptions
{
    /// <summary>Longest sleep between passes when nothing is due and no new item was saved.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed item belongs to one dispatcher; an instance that dies loses it after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>One filing attempt is cancelled after this (must be shorter than the lease).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Items claimed per pass.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Sanity bound on a server's <c>Retry-After</c> (far above the Graph SDK's 180 s cap, which we do not apply).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A parked item is tried again this often, so it files by itself once an administrator fixes the cause.</summary>
    public TimeSpan ParkedRecheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Exponential back-off per target when the service gave no <c>Retry-After</c>.</summary>
    public FilingBackoffOptions Document { get; set; } = new();

    public FilingBackoffOptions RegisterEntry { get; set; } = new();

    public FilingBackoffOptions Email { get; set; } = new() { BaseDelay = TimeSpan.FromMinutes(2), MaxDelay = TimeSpan.FromHours(1) };

    public FilingBackoffOptions For(FilingTarget target) => target switch
    {
        FilingTarget.Document => Document,
        FilingTarget.RegisterEntry => RegisterEntry,
        FilingTarget.Email => Email,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown filing target."),
    };
}

/// <summary>Exponential back-off with equal jitter: the n-th retry waits between half and all of min(base·2ⁿ⁻¹, max).</summary>
internal sealed class FilingBackoffOptions
{
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);
}
