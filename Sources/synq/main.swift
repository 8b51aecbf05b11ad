print("synq")
