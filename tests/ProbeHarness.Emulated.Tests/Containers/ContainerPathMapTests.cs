using ProbeHarness.Emulated.Containers;

namespace ProbeHarness.Emulated.Tests.Containers;

public sealed class ContainerPathMapTests
{
    private static readonly ContainerPathMap Map = new(
    [
        KeyValuePair.Create("/tmp", "/run/pod/containers/app/0/tmp"),
        KeyValuePair.Create("/tmp/cache/", "/run/pod/volumes/cache"),
        KeyValuePair.Create("/data", "/run/pod/volumes/data"),
    ]);

    [Theory]
    [InlineData("/tmp", "/run/pod/containers/app/0/tmp")]
    [InlineData("/tmp/healthy", "/run/pod/containers/app/0/tmp/healthy")]
    [InlineData("/tmp/cache/x", "/run/pod/volumes/cache/x")]
    [InlineData("/tmpfoo", "/tmpfoo")]
    [InlineData("/var/tmp/x", "/var/tmp/x")]
    [InlineData("relative/tmp", "relative/tmp")]
    public void Maps_a_path_by_its_longest_mounted_prefix(string path, string expected)
    {
        // Given / When
        var mapped = Map.MapPath(path);

        // Then
        Assert.Equal(expected, mapped);
    }

    [Fact]
    public void Maps_paths_inside_shell_scripts_and_assignments_but_not_lookalikes()
    {
        // Given
        const string script = "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; cat \"/data/x\" >/dev/null; echo /tmpfile HOME=/tmp:/data";

        // When
        var mapped = Map.MapText(script);

        // Then
        Assert.Equal(
            "touch /run/pod/containers/app/0/tmp/healthy; sleep 30; rm -f /run/pod/containers/app/0/tmp/healthy; "
            + "cat \"/run/pod/volumes/data/x\" >/dev/null; echo /tmpfile HOME=/run/pod/containers/app/0/tmp:/run/pod/volumes/data",
            mapped);
    }

    [Fact]
    public void Leaves_the_images_own_host_paths_alone_even_under_tmp()
    {
        // Given a repository cloned under /tmp, so the target app's DLL lives there
        const string dll = "/tmp/ci/target-app/bin/Debug/net10.0/ProbeHarness.TargetApp.dll";
        var map = new ContainerPathMap([KeyValuePair.Create("/tmp", "/run/pod/containers/app/0/tmp")], [dll]);

        // When
        var argv = map.MapText(dll);
        var path = map.MapPath(dll);
        var other = map.MapText("/tmp/healthy");

        // Then
        Assert.Equal(dll, argv);
        Assert.Equal(dll, path);
        Assert.Equal("/run/pod/containers/app/0/tmp/healthy", other);
    }
}
