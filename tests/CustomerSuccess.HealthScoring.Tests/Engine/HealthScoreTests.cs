using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthScoreTests
{
    [Fact]
    public void HealthScore_Is16Bytes()
    {
        // A million scores are 16 MB; the columnar kernel writes them as (score, band) pairs of two 8-byte halves.
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<HealthScore>());
    }
}
