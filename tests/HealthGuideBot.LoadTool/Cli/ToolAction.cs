namespace HealthGuideBot.LoadTool.Cli;

/// <summary>Runs a command's body under the hard deadline and turns user-fixable failures into a message and exit code 1.</summary>
internal static class ToolAction
{
    public const int Failed = 1;
    public const int TargetsMissed = 3;

    public static async Task<int> RunAsync(TimeSpan plannedLoad, Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        if (plannedLoad > LoadLimits.MaxPlannedLoad)
        {
            await Console.Error.WriteLineAsync(
                $"The plan needs {plannedLoad.TotalSeconds:0} s of load, over the cap of {LoadLimits.MaxPlannedLoad.TotalSeconds:0} s: use fewer rounds, concurrencies or seconds.");
            return Failed;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(plannedLoad + LoadLimits.Overhead);
        try
        {
            return await body(deadline.Token);
        }
        catch (LoadToolException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(cancellationToken.IsCancellationRequested
                ? "Cancelled."
                : $"Stopped at the hard deadline ({(plannedLoad + LoadLimits.Overhead).TotalSeconds:0} s).");
            return Failed;
        }
    }
}
