using BenchmarkDotNet.Attributes;
using HealthGuideBot.Core.Emergencies;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// The emergency path over the real knowledge base: <see cref="EmergencyRouter"/> alone, and router plus
/// <see cref="EmergencyResponder"/> (the answer the card is built from), rotating through every emergency phrasing
/// in the evaluation sets (typos, slang, capitals). Target: emergency answers p99 ≤ 50 ms server-side.
/// </summary>
[MemoryDiagnoser]
public class EmergencyBenchmarks : IDisposable
{
    private RealKnowledge? _knowledge;
    private string[] _messages = [];
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _knowledge = await RealKnowledge.CreateAsync();
        _messages = QuestionSets.Emergencies;
    }

    [Benchmark]
    public string? Route() => Knowledge.Router.Route(NextMessage());

    [Benchmark]
    public EmergencyAnswer? RouteAndRespond() => Knowledge.Answer(NextMessage());

    [GlobalCleanup]
    public void Dispose()
    {
        _knowledge?.Dispose();
        _knowledge = null;
        GC.SuppressFinalize(this);
    }

    private RealKnowledge Knowledge => _knowledge ?? throw new InvalidOperationException("GlobalSetup has not run.");

    private string NextMessage()
    {
        var message = _messages[_next];
        _next = (_next + 1) % _messages.Length;
        return message;
    }
}
