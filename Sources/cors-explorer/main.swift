print("cors-explorer")
