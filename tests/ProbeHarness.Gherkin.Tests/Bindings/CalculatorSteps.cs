using Reqnroll;

namespace ProbeHarness.Gherkin.Tests.Bindings;

/// <summary>Bindings of Features/Calculator.feature; the Then steps assert what reached the bindings.</summary>
[Binding]
public sealed class CalculatorSteps(Calculator calculator)
{
    [Given("the calculator is cleared")]
    public void GivenCleared() => calculator.Clear();

    [Given("the calculator rounds down")]
    public void GivenRoundsDown() => calculator.RoundsDown = true;

    [Given("I have entered {long} into the calculator")]
    public void GivenEntered(long number) => calculator.Enter(number);

    [Given("I have entered these numbers:")]
    public void GivenEnteredTable(DataTable numbers)
    {
        Assert.Equal(["number"], numbers.Header);
        foreach (var row in numbers.Rows)
        {
            calculator.Enter(long.Parse(row["number"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Given("the calculator is given this expression:")]
    public void GivenExpression(string expression) => calculator.Expression = expression;

    [Given("this step fails whenever it runs")]
    public void GivenFailing() => Assert.Fail("An @ignore scenario ran.");

    [When("I press add")]
    public void WhenAdd() => calculator.Add();

    [When("I press multiply")]
    public void WhenMultiply() => calculator.Multiply();

    [When("I press divide")]
    public void WhenDivide() => calculator.Divide();

    [When("I evaluate the expression")]
    public void WhenEvaluate() => calculator.Evaluate();

    [Then("the result should be {long}")]
    public void ThenResult(long expected) => Assert.Equal(expected, calculator.Result);

    [Then("the display should show no error")]
    public void ThenNoError() => Assert.Null(calculator.Error);
}
