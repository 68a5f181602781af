using ProbeHarness.Kubernetes.Images;

namespace ProbeHarness.Kubernetes.Tests.Images;

public sealed class ImageLoadPlanTests
{
    private const string Id = "sha256:0123456789ABcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Tags_by_content_never_latest()
    {
        // Given a built image's id
        // When its load plan is made
        var plan = ImageLoadPlan.For(Id, "/cache");

        // Then the tag comes from the id, and containerd's name is the docker.io form
        Assert.Equal("probe-harness/target-app:sha-0123456789ab", plan.Reference);
        Assert.Equal("sha-0123456789ab", plan.Tag);
        Assert.Equal("docker.io/probe-harness/target-app:sha-0123456789ab", plan.ContainerdName);
        Assert.Equal("/cache/target-app-sha-0123456789ab.tar", plan.HostTarPath);
        Assert.Equal("/tmp/probe-harness/target-app-sha-0123456789ab.tar", plan.ContainerTarPath);
        Assert.DoesNotContain("latest", plan.Reference);
    }

    [Fact]
    public void A_user_s_local_image_keeps_its_own_name_and_its_archive_is_keyed_by_its_id()
    {
        // Given a user's image built as example/own-app:dev
        // When its load plan is made
        var plan = ImageLoadPlan.ForLocalImage("example/own-app:dev", Id, "/cache");

        // Then pods find it under the name the manifest uses
        Assert.Equal("example/own-app:dev", plan.Reference);
        Assert.Equal("docker.io/example/own-app:dev", plan.ContainerdName);
        Assert.Equal("/cache/example_own-app_dev-0123456789ab.tar", plan.HostTarPath);
        Assert.True(plan.IsListedIn("docker.io/example/own-app:dev\n"));
    }

    [Fact]
    public void The_same_image_gives_the_same_plan_so_the_archive_is_reused()
    {
        // Given the same id twice and a rebuilt image
        // When plans are made
        // Then an unchanged id reuses the archive path and a new id does not
        Assert.Equal(ImageLoadPlan.For(Id, "/cache"), ImageLoadPlan.For(Id, "/cache"));
        Assert.NotEqual(ImageLoadPlan.For(Id, "/cache").HostTarPath, ImageLoadPlan.For("sha256:" + new string('f', 64), "/cache").HostTarPath);
    }

    [Fact]
    public void Command_lines_target_the_kubelets_containerd_namespace()
    {
        // Given a plan
        var plan = ImageLoadPlan.For(Id, "/cache");

        // When its commands are read
        // Then list, import and cleanup run ctr in k8s.io on the copied archive
        Assert.Equal(["ctr", "-n", "k8s.io", "images", "ls", "-q", "name==docker.io/probe-harness/target-app:sha-0123456789ab"], plan.ListCommand);
        Assert.Equal(["ctr", "-n", "k8s.io", "images", "import", "/tmp/probe-harness/target-app-sha-0123456789ab.tar"], plan.ImportCommand);
        Assert.Equal(["rm", "-f", "/tmp/probe-harness/target-app-sha-0123456789ab.tar"], plan.CleanupCommand);
    }

    [Fact]
    public void Reads_ctr_list_output()
    {
        // Given ctr's output with and without the image
        var plan = ImageLoadPlan.For(Id, "/cache");

        // When it is read
        // Then only an exact line counts
        Assert.True(plan.IsListedIn("docker.io/rancher/mirrored-pause:3.6\ndocker.io/probe-harness/target-app:sha-0123456789ab\n"));
        Assert.False(plan.IsListedIn(""));
        Assert.False(plan.IsListedIn("docker.io/probe-harness/target-app:sha-0123456789abc\n"));
    }

    [Theory]
    [InlineData("sha256:1234")]
    [InlineData("sha256:zzzzzzzzzzzzzzzz")]
    public void Rejects_ids_that_are_not_digests(string id)
    {
        // Given a malformed id
        // When a plan is made
        var error = Assert.Throws<ArgumentException>(() => ImageLoadPlan.For(id, "/cache"));

        // Then the message quotes it
        Assert.StartsWith($"'{id}' is not a Docker image id", error.Message);
    }
}
