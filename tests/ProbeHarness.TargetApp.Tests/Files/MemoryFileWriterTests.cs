using ProbeHarness.TargetApp.Tests.Support;

namespace ProbeHarness.TargetApp.Tests.Files;

public sealed class MemoryFileWriterTests
{
    [Fact]
    public async Task The_memory_file_holds_the_working_set_in_whole_megabytes()
    {
        // Given
        await using var app = await TargetAppProcess.StartAsync();

        // When
        await Poll.UntilAsync(() => File.Exists(app.MemoryFile), TimeSpan.FromSeconds(3), "the memory file appearing");
        var text = File.ReadAllText(app.MemoryFile);

        // Then
        Assert.Matches("^[0-9]+\n$", text);
        Assert.InRange(long.Parse(text.Trim()), 10, 2_000);
    }
}
