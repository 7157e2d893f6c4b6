using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Reporting;

/// <summary>A measured phase and the round it belongs to (peer and bot phases of one round are paired for ratios).</summary>
internal sealed record RoundResult(int Round, PhaseResult Result);
