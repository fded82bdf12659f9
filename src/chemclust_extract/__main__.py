from chemclust_extract.cli import main

main(prog_name="chemclust-extract")
