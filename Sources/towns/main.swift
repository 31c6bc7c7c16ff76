print("towns: under construction")
