namespace HealthGuideBot.LoadTool;

/// <summary>A failure the user can fix (bad option, target not built, target not answering); printed without a stack trace.</summary>
internal sealed class LoadToolException : Exception
{
    public LoadToolException()
    {
    }

    public LoadToolException(string message)
        : base(message)
    {
    }

    public LoadToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
