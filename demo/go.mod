module gosre/demo

go 1.19
