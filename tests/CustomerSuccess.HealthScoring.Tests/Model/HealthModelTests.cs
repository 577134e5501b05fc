using System;
using CustomerSuccess.Signals;
using Xunit;

namespace CustomerSuccess.HealthScoring.Tests;

public class HealthModelTests
{
    [Theory]
    [InlineData("empty", "Health model 'bad' has no signals")]
    [InlineData("negative", "Health model 'bad', signal 'nps.latest': weight -1 must be zero or more")]
    [InlineData("zero", "every signal or group has weight 0")]
    [InlineData("duplicate", "Health model 'bad', signal 'nps.latest': the model has this signal twice")]
    [InlineData("gate", "names signal 'ghost', which the model does not have")]
    [InlineData("group", "group 'ghosts' has a weight but no signal")]
    public void Model_Invalid_FailsWhenBuiltNamingModelAndSignal(string fault, string message)
    {
        HealthModel.Builder builder = HealthModel.CreateBuilder("bad");
        var nps = new SignalId("nps.latest");
        switch (fault)
        {
            case "negative":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10), -1));
                break;
            case "zero":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10), 0));
                break;
            case "duplicate":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10))).AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10)));
                break;
            case "gate":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10)))
                    .AddGate(new HealthGate(new SignalId("ghost"), GateComparison.AtLeast, 1, GateEffect.Cap, 10, "x"));
                break;
            case "group":
                builder.AddSignal(new HealthSignalDefinition(nps, Curve.Linear(0, 10))).WithGroupWeight("ghosts", 2);
                break;
        }

        var error = Assert.Throws<CustomerSuccessValidationException>(() => builder.Build());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
