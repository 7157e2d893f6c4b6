namespace HealthGuideBot.LoadTool.Targets;

/// <summary>How to start one target process listening on <see cref="Port"/> of 127.0.0.1.</summary>
internal sealed record TargetLaunchSpec
{
    public required string Name { get; init; }

    public required string FileName { get; init; }

    public required IReadOnlyList<string> Arguments { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    public required int Port { get; init; }

    /// <summary>The path of the bot endpoint on the target.</summary>
    public string MessagesPath { get; init; } = "/api/messages";

    /// <summary>A scratch directory the tool creates before the start and deletes after the stop, if any.</summary>
    public string? ScratchDirectory { get; init; }
}
