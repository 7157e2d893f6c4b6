using HealthGuideBot.Host.Hosting;

namespace HealthGuideBot.Host.Tests.Hosting;

/// <summary>The in-process MALLOC_ARENA_MAX: applied where glibc has mallopt, a no-op elsewhere.</summary>
public sealed class MallocArenaLimitTests
{
    [Fact]
    public void AppliesWhereGlibcIs_AndNowhereElse()
    {
        // glibc's mallopt returns 1 on success; a rejected parameter or a missing export would make this false on Linux.
        Assert.Equal(NativeHeapTrimmer.IsSupported, MallocArenaLimit.Apply());
    }
}
