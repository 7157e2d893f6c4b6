using System.Diagnostics.CodeAnalysis;

[assembly: SuppressMessage(
    "Usage",
    "VSTHRD003:Avoid awaiting foreign Tasks",
    Justification = "The rule guards JoinableTaskFactory apps with a main thread. This console tool has no synchronisation context; " +
        "it awaits reply completion sources set by the sink and its own sampling loop, which cannot deadlock.")]
