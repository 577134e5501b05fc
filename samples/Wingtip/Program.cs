using System;
using CustomerSuccess.Demo;

// Replays seed 002's story of Financiality's first months with Wingtip and prints the diary.
ScenarioResult result = FinancialityScenario.Run();
foreach (DiaryEntry entry in result.Diary)
{
    Console.WriteLine(entry);
}
