System.Console.WriteLine("QuickStart placeholder");
