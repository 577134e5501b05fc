using System;
using Xunit;

namespace CustomerSuccess.Tests;

public class CustomerSuccessValidationExceptionTests
{
    [Fact]
    public void Message_OneProblem_IsTheProblemItself()
    {
        var error = new CustomerSuccessValidationException(["Health model 'm' has no signals."]);

        Assert.Equal("Health model 'm' has no signals.", error.Message);
        Assert.Equal(["Health model 'm' has no signals."], error.Problems);
        Assert.Null(error.JsonPath);
    }

    [Fact]
    public void Message_SeveralProblems_CountsThemAndListsEachOnItsLine()
    {
        var error = new CustomerSuccessValidationException(["first.", "second."]);

        Assert.Equal($"2 problems:{Environment.NewLine}- first.{Environment.NewLine}- second.", error.Message);
        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Problems_AreAReadOnlyCopy()
    {
        string[] problems = ["first."];
        var error = new CustomerSuccessValidationException(problems);
        problems[0] = "changed.";

        Assert.Equal("first.", error.Problems[0]);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<string>)error.Problems)[0] = "x");
    }

    [Fact]
    public void Constructor_NoProblemOrABlankOne_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new CustomerSuccessValidationException(Array.Empty<string>()));
        Assert.Throws<ArgumentException>(() => new CustomerSuccessValidationException(["ok.", " "]));
    }

    [Fact]
    public void InJson_KeepsThePathAndPosition()
    {
        var cause = new System.Text.Json.JsonException("bad", "$.rules[1].id", 3, 7);
        var error = CustomerSuccessValidationException.InJson("Rule set: bad", cause.Path, cause.LineNumber, cause.BytePositionInLine, cause);

        Assert.Equal("$.rules[1].id", error.JsonPath);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(7, error.BytePositionInLine);
        Assert.Same(cause, error.InnerException);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void ThrowIfAny_NoProblems_DoesNothing_ElseListsThemAll()
    {
        CustomerSuccessValidationException.ThrowIfAny([]);

        var error = Assert.Throws<CustomerSuccessValidationException>(() => CustomerSuccessValidationException.ThrowIfAny(["a.", "b."]));
        Assert.Equal(["a.", "b."], error.Problems);
    }
}
